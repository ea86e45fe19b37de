using System.Net;
using AuroraBots.Network.Tests.Infrastructure;

namespace AuroraBots.Network.Tests;

/// <summary>Every documented 400 (reference §1.2–1.6, §8.2–8.3), one request each, plus the accepted boundaries.</summary>
public sealed class ValidationMatrixTests : IAsyncLifetime
{
    private const string Recommend = "service-recommender/v1/recommend_service";
    private const string Search = "service-recommender/v1/text_search";
    private const string Feedback = "service-recommender/v1/recommendation_feedback";
    private const string Transfer = "service-recommender/v1/session_attributes";
    private const string Meters = "\"life_situation_meters\": {\"health\": [3]}";
    private const string Channel = "f283c2dc-8223-408a-8a73-1d62489e1f58";

    private NetworkServer _server = null!;

    /// <summary>A recommend_service body with a valid meter and <paramref name="rest"/> as further members.</summary>
    private static string M(string? rest) => "{" + Meters + (rest is null ? "" : ", " + rest.Trim()) + "}";

    public async Task InitializeAsync() => _server = await NetworkServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, string> Rejected => new()
    {
        // recommend_service
        { Recommend, "{}" },                                                             // life_situation_meters missing
        { Recommend, """{"life_situation_meters": {}}""" },                              // no meter given
        { Recommend, """{"life_situation_meters": {"health": 3}}""" },                   // value not an array
        { Recommend, """{"life_situation_meters": {"health": [11]}}""" },                // > 10
        { Recommend, """{"life_situation_meters": {"health": [-1]}}""" },                // < 0
        { Recommend, """{"life_situation_meters": {"health": ["3"]}}""" },               // string, not int
        { Recommend, """{"life_situation_meters": {"health": [3.5]}}""" },               // not an integer
        { Recommend, """{"life_situation_meters": {"health": [3.0]}}""" },               // strict: 3.0 is not an int
        { Recommend, """{"life_situation_meters": {"happiness": [3]}}""" },              // unknown meter
        { Recommend, """{"life_situation_meters": null}""" },
        { Recommend, M(""" "age": 30 """) },                                  // unknown top-level field (old API)
        { Recommend, M(""" "municipality_code": "091" """) },
        { Recommend, M(""" "limit": 0 """) },
        { Recommend, M(""" "limit": 51 """) },
        { Recommend, M(""" "limit": "5" """) },
        { Recommend, M(""" "limit": 1.5 """) },
        { Recommend, M(""" "limit": null """) },
        { Recommend, M(""" "rerank": "true" """) },
        { Recommend, M(""" "rerank": 1 """) },
        { Recommend, M(""" "rerank": 0 """) },
        { Recommend, M(""" "rerank": null """) },
        { Recommend, M(""" "session_id": 0 """) },
        { Recommend, M(""" "session_id": null """) },
        { Recommend, M(""" "service_filters": {"municipality_codes": []} """) },
        { Recommend, M(""" "service_filters": {"municipality_codes": null} """) },
        { Recommend, M(""" "service_filters": {"municipality_codes": ["999"]} """) },
        { Recommend, M(""" "service_filters": {"municipality_codes": [91]} """) },
        { Recommend, M(""" "service_filters": {"region_codes": []} """) },
        { Recommend, M(""" "service_filters": {"region_codes": ["03"]} """) },
        { Recommend, M(""" "service_filters": {"hospital_district_codes": []} """) },
        { Recommend, M(""" "service_filters": {"hospital_district_codes": ["01"]} """) },
        { Recommend, M(""" "service_filters": {"wellbeing_service_county_codes": []} """) },
        { Recommend, M(""" "service_filters": {"wellbeing_service_county_codes": ["22"]} """) },
        { Recommend, M(""" "service_filters": {"service_classes": []} """) },
        { Recommend, M(""" "service_filters": {"service_classes": ["P5"]} """) },
        { Recommend, M(""" "service_filters": {"target_groups": []} """) },
        { Recommend, M(""" "service_filters": {"target_groups": ["KR1.1"]} """) },
        { Recommend, M(""" "service_filters": {"service_collections": []} """) },
        { Recommend, M(""" "service_filters": {"service_collections": ["not-a-uuid"]} """) },
        { Recommend, M(""" "service_filters": {"funding_type": []} """) },
        { Recommend, M(""" "service_filters": {"funding_type": ["Free"]} """) },
        { Recommend, M(""" "service_filters": {"include_national_services": "false"} """) },
        { Recommend, M(""" "service_filters": {"only_national_services": 1} """) },
        { Recommend, M(""" "service_filters": {"only_national_services": true, "municipality_codes": ["091"]} """) },
        { Recommend, M(""" "service_filters": {"only_national_services": true, "include_national_services": true} """) },
        { Recommend, M(""" "service_filters": {"only_national_services": true, "region_codes": ["01"]} """) },
        { Recommend, M(""" "service_filters": {"only_national_services": true, "hospital_district_codes": ["25"]} """) },
        { Recommend, M(""" "service_filters": {"only_national_services": true, "wellbeing_service_county_codes": ["90"]} """) },
        { Recommend, M(""" "service_filters": {"unknown_filter": true} """) },
        { Recommend, M(""" "service_filters": [] """) },
        { Recommend, "[1, 2]" },                                                         // not an object
        { Recommend, "{\"life_situation_meters\": " },                                   // malformed JSON
        // text_search
        { Search, "{}" },
        { Search, """{"search_text": ""}""" },
        { Search, $$"""{"search_text": "{{new string('a', 1025)}}"}""" },
        { Search, """{"search_text": 5}""" },
        { Search, """{"search_text": "asuminen", "municipality_code": "091"}""" },
        { Search, """{"search_text": "asuminen", "language": "xx"}""" },
        { Search, """{"search_text": "asuminen", "limit": 0}""" },
        { Search, """{"search_text": "asuminen", "limit": 51}""" },
        { Search, """{"search_text": "asuminen", "rerank": "false"}""" },
        { Search, """{"search_text": "asuminen", "service_filters": {"target_groups": []}}""" },
        // recommendation_feedback
        { Feedback, "{}" },
        { Feedback, """{"auroraai_recommendation_id": "1"}""" },
        { Feedback, """{"auroraai_recommendation_id": 1.5}""" },
        { Feedback, """{"auroraai_recommendation_id": 1, "feedback_score": 2}""" },
        { Feedback, """{"auroraai_recommendation_id": 1, "feedback_score": 0}""" },
        { Feedback, """{"auroraai_recommendation_id": 1, "service_feedbacks": [{"service_id": "D64476DB-F2DF-4699-BB6A-1BFAE007577A", "feedback_score": 1}]}""" },
        { Feedback, """{"auroraai_recommendation_id": 1, "service_feedbacks": [{"service_id": "491d94b0-1ba0-11ec-9621-0242ac130002", "feedback_score": 1}]}""" },
        { Feedback, """{"auroraai_recommendation_id": 1, "service_feedbacks": [{"service_id": "d64476db-f2df-4699-bb6a-1bfae007577a"}]}""" },
        { Feedback, """{"auroraai_recommendation_id": 1, "service_feedbacks": [{"service_id": "d64476db-f2df-4699-bb6a-1bfae007577a", "feedback_score": 1, "extended_feedback": "x"}]}""" },
        // session_attributes (POST)
        { Transfer, """{"session_attributes": {"age": 20}}""" },                                            // channel missing
        { Transfer, """{"service_channel_id": "f283c2dc-8223-408a-8a73-1d62489e1f58"}""" },                                         // attributes missing
        { Transfer, """{"service_channel_id": "F283C2DC-8223-408A-8A73-1D62489E1F58", "session_attributes": {"age": 20}}""" },
        { Transfer, """{"service_channel_id": "491d94b0-1ba0-11ec-9621-0242ac130002", "session_attributes": {"age": 20}}""" },
        { Transfer, """{"service_channel_id": "f283c2dc-8223-408a-8a73-1d62489e1f58", "session_attributes": {}}""" },
        { Transfer, """{"service_channel_id": "f283c2dc-8223-408a-8a73-1d62489e1f58", "session_attributes": {"age": 201}}""" },
        { Transfer, """{"service_channel_id": "f283c2dc-8223-408a-8a73-1d62489e1f58", "session_attributes": {"age": "20"}}""" },
        { Transfer, """{"service_channel_id": "f283c2dc-8223-408a-8a73-1d62489e1f58", "session_attributes": {"municipality_code": "999"}}""" },
        { Transfer, """{"service_channel_id": "f283c2dc-8223-408a-8a73-1d62489e1f58", "session_attributes": {"tampere_demo_flag": true}}""" },
        { Transfer, """{"service_channel_id": "f283c2dc-8223-408a-8a73-1d62489e1f58", "session_attributes": {"life_situation_meters": {}}}""" },
        { Transfer, """{"service_channel_id": "f283c2dc-8223-408a-8a73-1d62489e1f58", "session_attributes": {"life_situation_meters": {"health": [12]}}}""" },
        { Transfer, """{"service_channel_id": "f283c2dc-8223-408a-8a73-1d62489e1f58", "auroraai_recommendation_id": 1, "session_attributes": {"age": 20}}""" }, // service_id required
        { Transfer, """{"service_channel_id": "f283c2dc-8223-408a-8a73-1d62489e1f58", "service_id": "d64476db-f2df-4699-bb6a-1bfae007577a", "auroraai_recommendation_id": -1, "session_attributes": {"age": 20}}""" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public async Task Invalid_requests_get_400(string path, string body)
    {
        using var response = await _server.PostAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {text}");
        Assert.False(string.IsNullOrWhiteSpace(text));
    }

    [Fact]
    public async Task Errors_read_like_the_original()
    {
        using var limit = await _server.PostAsync(Recommend, M(""" "limit": 51 """));
        Assert.Equal("Validation error in request data: {'limit': ['Must be greater than or equal to 1 and less than or equal to 50.']}",
            await limit.Content.ReadAsStringAsync());

        using var unknown = await _server.PostAsync(Recommend, M(""" "age": 30 """));
        Assert.Equal("Validation error in request data: {'age': ['Unknown field.']}", await unknown.Content.ReadAsStringAsync());

        using var conflict = await _server.PostAsync(Recommend, M(""" "service_filters": {"only_national_services": true, "region_codes": ["01"]} """));
        Assert.Equal("only_national_services selected. region_codes not allowed.", await conflict.Content.ReadAsStringAsync());
    }

    public static TheoryData<string, string> Accepted => new()
    {
        { Recommend, M(""" "limit": 1 """) },
        { Recommend, M(""" "limit": 50, "rerank": false, "session_id": "abc" """) },
        { Recommend, """{"life_situation_meters": {"health": [0, 10], "family": [5]}}""" },
        { Recommend, M(""" "service_filters": {"municipality_codes": ["000"], "rerank": true} """) },
        { Recommend, M(""" "service_filters": {"only_national_services": true} """) },
        { Search, """{"search_text": "a"}""" },
        { Search, """{"search_text": "asuminen", "language": "sv", "limit": 50}""" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task Boundary_values_are_accepted(string path, string body)
    {
        using var response = await _server.PostAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Search_text_of_1024_characters_is_accepted()
    {
        using var response = await _server.PostAsync(Search, $$"""{"search_text": "{{new string('a', 1024)}}"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Wrong_content_type_is_415_and_invalid_utf8_is_400()
    {
        using var wrongType = await _server.PostAsync(Recommend, M(null), contentType: "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);

        var request = new HttpRequestMessage(HttpMethod.Post, Search)
        {
            Content = new ByteArrayContent([.. "{\"search_text\": \""u8, 0xC3, 0x28, .. "\"}"u8]),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Authorization = NetworkServer.Basic();
        using var badUtf8 = await _server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, badUtf8.StatusCode);
        Assert.Equal("Invalid encoding in request. Only UTF-8 is supported.", await badUtf8.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("?access_token=")]
    [InlineData("?access_token=abc")]
    [InlineData("?access_token=zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")]
    public async Task Get_session_attributes_with_a_missing_or_malformed_token_is_400(string query)
    {
        using var response = await _server.Http.GetAsync("service-recommender/v1/session_attributes" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
