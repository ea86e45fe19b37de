using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AuroraBots.Host.Tests;

/// <summary>The real host (Development settings: embedded defaults, memory stores) with optional configuration overrides.</summary>
public class HostFactory : WebApplicationFactory<Program>
{
    public const string TampereSite = "http://localhost:5080";
    public const string ForeignSite = "http://evil.example:5080";

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        // Generous, so only the rate-limit tests (their own factory) ever meet the limit.
        ["Widget:TokenRateLimit:PermitLimit"] = "1000",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    public HttpRequestMessage Request(HttpMethod method, string path, string? origin, object? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (json is not null) request.Content = System.Net.Http.Json.JsonContent.Create(json);
        return request;
    }
}
