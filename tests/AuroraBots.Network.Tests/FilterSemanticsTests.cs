using AuroraBots.Network.Tests.Infrastructure;

namespace AuroraBots.Network.Tests;

/// <summary>Filter semantics of §2.2 on the fixture catalogue (ids named after their role there).</summary>
public sealed class FilterSemanticsTests : IAsyncLifetime
{
    private const string Taideopetus = "d64476db-f2df-4699-bb6a-1bfae007577a";   // Helsinki 091
    private const string Luokka53 = "b9e2ff7d-3d18-476d-94e0-4a818f1136d6";     // Helsinki 091, class P5.3, MarketFunded
    private const string National = "11111111-1111-4111-8111-111111111111";     // Nationwide, health
    private const string Vantaa = "33333333-3333-4333-8333-333333333333";       // 092, health, KR2
    private const string Archived = "44444444-4444-4444-8444-444444444444";     // 091, health, archived
    private const string OuluA = "5aaaaaaa-0000-4000-8000-000000000000";        // 564, housing
    private const string OuluB = "50000000-0000-4000-8000-00000000000b";        // 564, housing (same labels as OuluA)

    private NetworkServer _server = null!;

    public async Task InitializeAsync() => _server = await NetworkServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<List<string>> RecommendAsync(string meters, string? filters = null, int limit = 50)
    {
        var body = $$"""{"life_situation_meters": {{{meters}}}, "limit": {{limit}}{{(filters is null ? "" : $", \"service_filters\": {filters}")}}}""";
        return await Json.ServiceIdsAsync(await _server.PostAsync("service-recommender/v1/recommend_service", body));
    }

    [Fact]
    public async Task Include_national_defaults_to_true_and_without_area_filter_means_everything()
    {
        var ids = await RecommendAsync("\"health\": [2]");
        Assert.Contains(National, ids);
        Assert.Contains(Vantaa, ids);
        Assert.Contains(Luokka53, ids);
        Assert.DoesNotContain(Archived, ids);
    }

    [Fact]
    public async Task Include_national_false_without_area_keeps_only_local_services()
    {
        var ids = await RecommendAsync("\"health\": [2]", """{"include_national_services": false}""");
        Assert.DoesNotContain(National, ids);
        Assert.Contains(Vantaa, ids);
    }

    [Fact]
    public async Task Municipality_filter_adds_national_services_unless_excluded()
    {
        Assert.Equal([National, Luokka53], (await RecommendAsync("\"health\": [2]", """{"municipality_codes": ["091"]}""")).Order());
        Assert.Equal([Luokka53], await RecommendAsync("\"health\": [2]", """{"municipality_codes": ["091"], "include_national_services": false}"""));
    }

    [Fact]
    public async Task Only_national_services_is_exclusive()
    {
        Assert.Equal([National], await RecommendAsync("\"health\": [2]", """{"only_national_services": true}"""));
    }

    [Theory]
    [InlineData("region_codes", "01")]            // Uusimaa: Helsinki and Vantaa
    [InlineData("hospital_district_codes", "25")] // HUS
    public async Task Region_and_hospital_district_codes_expand_to_their_municipalities(string filter, string code)
    {
        var ids = await RecommendAsync("\"health\": [2]", $$"""{"{{filter}}": ["{{code}}"], "include_national_services": false}""");
        Assert.Equal([Vantaa, Luokka53], ids.Order());
    }

    [Fact]
    public async Task Wellbeing_county_codes_expand_to_their_municipalities()
    {
        Assert.Equal([Vantaa], await RecommendAsync("\"health\": [2]", """{"wellbeing_service_county_codes": ["04"], "include_national_services": false}"""));
        Assert.Equal([Luokka53], await RecommendAsync("\"health\": [2]", """{"wellbeing_service_county_codes": ["90"], "include_national_services": false}"""));
        Assert.Equal([OuluB, OuluA], await RecommendAsync("\"housing\": [2]", """{"wellbeing_service_county_codes": ["19"], "include_national_services": false}"""));
    }

    [Fact]
    public async Task Service_class_matches_the_class_and_its_parent()
    {
        Assert.Equal([Luokka53], await RecommendAsync("\"health\": [2]", """{"service_classes": ["http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P5"]}"""));
        Assert.Equal([Luokka53], await RecommendAsync("\"health\": [2]", """{"service_classes": ["http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P5.3"]}"""));
        Assert.Empty(await RecommendAsync("\"health\": [2]", """{"service_classes": ["http://uri.suomi.fi/codelist/ptv/ptvserclass2/code/P5.1"]}"""));
    }

    [Fact]
    public async Task Filter_types_combine_with_and_values_with_or()
    {
        Assert.Equal([Vantaa], await RecommendAsync("\"health\": [2]", """{"target_groups": ["KR2", "KR3"]}"""));
        Assert.Equal([Luokka53], await RecommendAsync("\"health\": [2]", """{"funding_type": ["MarketFunded"]}"""));
        Assert.Empty(await RecommendAsync("\"health\": [2]", """{"funding_type": ["MarketFunded"], "target_groups": ["KR2"]}"""));
        Assert.Equal([Taideopetus], await RecommendAsync("\"family\": [2]", """{"service_collections": ["744c4b61-fde5-4d23-a844-cee5728b9119"]}"""));
    }

    [Fact]
    public async Task Equal_scores_are_ordered_by_ascending_service_id()
    {
        var ids = await RecommendAsync("\"housing\": [3]", """{"municipality_codes": ["564"], "include_national_services": false}""");
        Assert.Equal([OuluB, OuluA], ids);
    }

    [Fact]
    public async Task Only_services_labelled_on_the_given_meters_are_scored()
    {
        // Nobody in the fixture is labelled for working_studying: no matches is an empty list, not an error.
        Assert.Empty(await RecommendAsync("\"working_studying\": [1]"));
        // An empty value list contributes no dimension (the original fails with 500 here).
        Assert.Empty(await RecommendAsync("\"health\": []"));
    }

    [Fact]
    public async Task Limit_cuts_the_ranked_list()
    {
        var all = await RecommendAsync("\"health\": [2], \"housing\": [2]");
        var two = await RecommendAsync("\"health\": [2], \"housing\": [2]", limit: 2);
        Assert.True(all.Count > 2);
        Assert.Equal(all.Take(2), two);
    }
}
