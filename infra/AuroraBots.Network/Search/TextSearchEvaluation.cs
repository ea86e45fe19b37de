using System.Text.Json;
using System.Text.Json.Serialization;
using AuroraBots.Network.Catalogue;
using AuroraBots.Network.Recommendation;
using AuroraBots.Network.SessionTransfer;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AuroraBots.Network.Search;

/// <summary>
/// One judged query of <c>Data/search-eval/judged_queries.json</c>: the services a caseworker would accept as
/// answers. The set was written from the catalogue's service list (one topic in fi, sv and en, same judgements),
/// not from the search code, and nothing is tuned or trained on it.
/// </summary>
public sealed class LabelledQuery
{
    [JsonPropertyName("query")] public string Query { get; set; } = "";
    [JsonPropertyName("language")] public string Language { get; set; } = "fi";
    [JsonPropertyName("topic")] public string Topic { get; set; } = "";
    [JsonPropertyName("relevant")] public List<string> Relevant { get; set; } = [];
    [JsonPropertyName("relevant_names")] public List<string> RelevantNames { get; set; } = [];
}

/// <summary>The top 5 of one query and its measures (binary relevance).</summary>
public sealed record QueryResult(LabelledQuery Query, IReadOnlyList<string> Top)
{
    /// <summary>Relevant services among the first 3, divided by 3 (every judged query has at least 3).</summary>
    public double PrecisionAt3 => Top.Take(3).Count(Query.Relevant.Contains) / 3.0;

    /// <summary>nDCG@5: DCG of the top 5 (gain 1 per relevant, discount log2(rank+1)) over the ideal DCG.</summary>
    public double NdcgAt5
    {
        get
        {
            double Dcg(IEnumerable<bool> hits) => hits.Take(5).Select((hit, i) => hit ? 1 / Math.Log2(i + 2) : 0).Sum();
            var ideal = Dcg(Enumerable.Repeat(true, Math.Min(5, Query.Relevant.Count)));
            return ideal == 0 ? 0 : Dcg(Top.Select(Query.Relevant.Contains)) / ideal;
        }
    }
}

/// <summary>Runs the judged query set against the shipped catalogue, as the bots search it (citizens' services).</summary>
public static class TextSearchEvaluation
{
    public static readonly ServiceFilterSpec CitizenFilter = ServiceFilterSpec.None with { TargetGroups = new HashSet<string> { "KR1" } };

    public static IReadOnlyList<LabelledQuery> LoadQueries()
    {
        using var stream = typeof(TextSearchEvaluation).Assembly.GetManifestResourceStream("Network.judged_queries.json")
            ?? throw new InvalidOperationException("The judged query set is not embedded.");
        return JsonSerializer.Deserialize(stream, EvaluationJsonContext.Default.ListLabelledQuery) ?? [];
    }

    public static IReadOnlyList<QueryResult> Run(TextSearchOptions options)
    {
        var networkOptions = Options.Create(new NetworkOptions { TextSearch = options, DevClient = new DevClientOptions { Enabled = false } });
        var catalogue = new ServiceCatalogue(networkOptions, new AuroraServiceRegistry(networkOptions), NullLogger<ServiceCatalogue>.Instance);
        var snapshot = catalogue.Current;
        var scorer = new TextSearchScorer(options);
        return LoadQueries().Select(query =>
        {
            var top = scorer.Score(snapshot, query.Query, query.Language, CitizenFilter, 5)
                .Select(s => snapshot.Services[s.Position].ServiceId).ToList();
            return new QueryResult(query, top);
        }).ToList();
    }
}

[JsonSerializable(typeof(List<LabelledQuery>))]
internal sealed partial class EvaluationJsonContext : JsonSerializerContext;
