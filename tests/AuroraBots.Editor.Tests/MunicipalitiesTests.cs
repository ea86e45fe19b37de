using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AuroraBots.Editor.Tests;

public sealed class MunicipalitiesTests
{
    [Theory]
    [InlineData("fi", "Oulu", "Helsinki")]
    [InlineData("sv", "Uleåborg", "Helsingfors")]
    public async Task The_preview_can_stand_in_for_any_municipality_named_in_the_editors_language(string language, string oulu, string helsinki)
    {
        await using var host = await EditorHost.StartAsync();
        using var editor = await host.SignedInAsync("ella");
        var list = (await editor.GetFromJsonAsync<JsonElement>($"/editor/api/municipalities?lang={language}")).EnumerateArray()
            .Select(m => (Code: m.GetProperty("code").GetString(), Name: m.GetProperty("name").GetString())).ToList();

        Assert.True(list.Count > 300, $"only {list.Count} municipalities");
        Assert.Contains(("564", oulu), list);
        Assert.Contains(("091", helsinki), list);
        Assert.DoesNotContain(list, m => m.Code == "000");
        var names = list.Select(m => m.Name).ToList();
        var comparer = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo(language == "sv" ? "sv-FI" : "fi-FI"), ignoreCase: true);
        Assert.Equal(names.Order(comparer), names); // Ä and Ö after Z, as Finnish and Swedish readers expect
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.GetAsync("/editor/api/municipalities?lang=de")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client().GetAsync("/editor/api/municipalities")).StatusCode);
    }
}
