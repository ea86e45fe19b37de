using AuroraBots.Network.Search;
using AuroraBots.Network.Tests.Infrastructure;

namespace AuroraBots.Network.Tests;

/// <summary>Text search on the shipped catalogue: Finnish inflection, missing diacritics, Swedish and English.</summary>
public sealed class TextSearchTests : IAsyncLifetime
{
    private NetworkServer _server = null!;

    public async Task InitializeAsync() => _server = await NetworkServer.StartAsync(useFixture: false);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<List<string>> TopNamesAsync(string text, string? filters = null)
    {
        var body = $$"""{"search_text": "{{text}}", "limit": 5{{(filters is null ? "" : ", \"service_filters\": " + filters)}}}""";
        using var response = await _server.PostAsync("service-recommender/v1/text_search", body);
        var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("recommended_services").EnumerateArray().Select(s => s.GetProperty("service_name").GetString()!).ToList();
    }

    [Theory]
    [InlineData("lastensuojelun", "Lastensuojelu")]           // genitive
    [InlineData("kuntosaleilla", "Kuntosali")]                 // plural adessive
    [InlineData("tyottomyysturva", "Työttömyysturvaneuvonta")] // no diacritics, compound head
    [InlineData("toimeentulotuen hakeminen", "toimeentulotu")] // consonant gradation tuki/tuen
    public async Task Finnish_inflections_and_missing_diacritics_find_the_service(string query, string expectedNamePart)
    {
        var names = await TopNamesAsync(query);
        Assert.Contains(names, n => n.Contains(expectedNamePart, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("barnskydd", "Lastensuojelu")]    // sv, through the service-class names
    [InlineData("child welfare", "Lastensuojelu")] // en
    [InlineData("museer", "museo")]
    [InlineData("library services", "Kirjasto")]
    public async Task Swedish_and_English_reach_finnish_services_through_the_code_lists(string query, string expectedNamePart)
    {
        var names = await TopNamesAsync(query);
        Assert.Contains(names, n => n.Contains(expectedNamePart, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Filters_apply_to_text_search()
    {
        var oulu = await TopNamesAsync("lukiokoulutus", """{"municipality_codes": ["564"], "include_national_services": false}""");
        Assert.NotEmpty(oulu);
        using var response = await _server.PostAsync("service-recommender/v1/text_search", """{"search_text": "lukiokoulutus", "service_filters": {"municipality_codes": ["564"], "include_national_services": false}}""");
        var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.All(json.RootElement.GetProperty("recommended_services").EnumerateArray(),
            s => Assert.Equal("564", s.GetProperty("areas")[0].GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Punctuation_only_queries_return_nothing_rather_than_failing()
    {
        Assert.Empty(await TopNamesAsync("!!! ??? ..."));
    }

    [Fact]
    public void The_labelled_query_set_keeps_its_precision()
    {
        // Guards against ranking regressions; the measured value is reported by the textsearch-eval benchmark.
        // (0.55 before hygiene: nine judged services were excluded rows, now dropped from the catalogue.)
        var queries = TextSearchEvaluation.LoadQueries();
        Assert.True(queries.Count >= 30);
        Assert.Contains(queries, q => q.Language == "sv");
        Assert.Contains(queries, q => q.Language == "en");
        var results = TextSearchEvaluation.Run(new TextSearchOptions());
        var precision = results.Average(r => r.PrecisionAt5);
        Assert.True(precision >= 0.50, $"precision@5 fell to {precision:F3}");
        var plain = TextSearchEvaluation.Run(new TextSearchOptions { Stemming = StemmingMode.None, PrefixWeight = 0, NGramWeight = 0 });
        Assert.True(precision > plain.Average(r => r.PrecisionAt5), "Finnish-aware matching should beat plain folding");
    }
}
