using AuroraBots.AuroraAI.Models;
using AuroraBots.Dialogs.Recommendations;
using AuroraBots.Dialogs.State;
using AuroraBots.Dialogs.Tests.Infrastructure;

namespace AuroraBots.Dialogs.Tests;

/// <summary>
/// The query the recommend step makes (issue 13): stray text matches are never shown, and a municipality's own
/// fitting service is found even when strong national matches fill every candidate place.
/// In <see cref="FakeAuroraAiClient.Service"/> odd services are Turku's (853), even ones nationwide.
/// </summary>
public sealed class ServiceQueryTests
{
    private static RecommendationMemory TextQuery(string? municipality = "853") =>
        new() { Kind = "text", Query = "työttömyys", MunicipalityCode = municipality, Limit = 3 };

    private static RecommendedService Scored(int i, double score)
    {
        var service = FakeAuroraAiClient.Service(i);
        service.SimilarityScore = score;
        return service;
    }

    [Fact]
    public async Task Text_matches_below_the_relevance_floor_are_not_shown()
    {
        var client = new FakeAuroraAiClient { Services = _ => [Scored(2, 0.40), Scored(1, 0.20), Scored(4, 0.09), Scored(3, 0.02)] };

        var response = await ServiceQuery.RunAsync(client, TextQuery(), "fi", 3, CancellationToken.None);

        Assert.Equal(["Service 1", "Service 2"], response.RecommendedServices.Select(s => s.ServiceName));
    }

    [Fact]
    public async Task Without_a_local_candidate_a_local_only_query_lets_a_fitting_local_service_in_first()
    {
        var client = new FakeAuroraAiClient();
        client.Services = _ => client.Requests[^1] is TextSearchRequest { ServiceFilters.IncludeNationalServices: false }
            ? [Scored(1, 0.17), Scored(3, 0.05)]
            : [Scored(2, 0.38), Scored(4, 0.29), Scored(6, 0.21), Scored(8, 0.20)];

        var response = await ServiceQuery.RunAsync(client, TextQuery(), "fi", 3, CancellationToken.None);

        Assert.Equal(2, client.Requests.Count);
        Assert.Equal(["Service 1", "Service 2", "Service 4"], response.RecommendedServices.Select(s => s.ServiceName));
    }

    [Fact]
    public async Task A_weak_local_match_does_not_push_out_strong_national_ones()
    {
        var client = new FakeAuroraAiClient();
        client.Services = _ => client.Requests[^1] is TextSearchRequest { ServiceFilters.IncludeNationalServices: false }
            ? [Scored(1, 0.12)]
            : [Scored(2, 0.60), Scored(4, 0.50), Scored(6, 0.45)];

        var response = await ServiceQuery.RunAsync(client, TextQuery(), "fi", 3, CancellationToken.None);

        Assert.Equal(["Service 2", "Service 4", "Service 6"], response.RecommendedServices.Select(s => s.ServiceName));
    }

    [Fact]
    public async Task With_a_local_candidate_or_no_municipality_one_query_is_enough()
    {
        var client = new FakeAuroraAiClient { Services = _ => [Scored(2, 0.5), Scored(1, 0.4)] };
        await ServiceQuery.RunAsync(client, TextQuery(), "fi", 3, CancellationToken.None);
        await ServiceQuery.RunAsync(client, TextQuery(municipality: null), "fi", 3, CancellationToken.None);

        Assert.Equal(2, client.Requests.Count);
    }
}
