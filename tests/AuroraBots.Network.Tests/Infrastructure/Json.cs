using System.Text.Json;

namespace AuroraBots.Network.Tests.Infrastructure;

internal static class Json
{
    public static async Task<List<string>> ServiceIdsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("recommended_services").EnumerateArray()
            .Select(s => s.GetProperty("service_id").GetString()!).ToList();
    }
}
