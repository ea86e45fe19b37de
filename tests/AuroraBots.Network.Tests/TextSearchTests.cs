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
    public void The_judged_query_set_meets_the_target_in_every_language()
    {
        // The figures themselves are printed by `scripts/bench.sh textsearch-eval`; this guards the target.
        var queries = TextSearchEvaluation.LoadQueries();
        Assert.All((string[])["fi", "sv", "en"], language => Assert.True(queries.Count(q => q.Language == language) >= 40));
        Assert.All(queries, q => Assert.True(q.Relevant.Count >= 3, q.Query));
        var results = TextSearchEvaluation.Run(new TextSearchOptions());
        foreach (var language in (string[])["fi", "sv", "en"])
        {
            var precision = results.Where(r => r.Query.Language == language).Average(r => r.PrecisionAt3);
            Assert.True(precision >= 0.8, $"precision@3 in {language} is {precision:F3}");
        }
        var withoutGlossary = TextSearchEvaluation.Run(new TextSearchOptions { UseGlossary = false });
        Assert.True(results.Where(r => r.Query.Language == "sv").Average(r => r.PrecisionAt3)
            > withoutGlossary.Where(r => r.Query.Language == "sv").Average(r => r.PrecisionAt3), "the glossary should help Swedish queries");
    }
}
