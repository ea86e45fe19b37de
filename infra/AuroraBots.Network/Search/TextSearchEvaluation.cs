using System.Text.Json;
using System.Text.Json.Serialization;
using AuroraBots.Network.Catalogue;
using AuroraBots.Network.Recommendation;
using AuroraBots.Network.SessionTransfer;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AuroraBots.Network.Search;

/// <summary>One labelled query of <c>Data/textsearch_queries.json</c>: the services a person would accept as answers.</summary>
public sealed class LabelledQuery
{
    [JsonPropertyName("query")] public string Query { get; set; } = "";
    [JsonPropertyName("language")] public string Language { get; set; } = "fi";
    [JsonPropertyName("relevant")] public List<string> Relevant { get; set; } = [];
    [JsonPropertyName("relevant_names")] public List<string> RelevantNames { get; set; } = [];
}

/// <summary>Precision@5 per query: relevant services among the top 5, divided by 5.</summary>
public sealed record QueryResult(LabelledQuery Query, IReadOnlyList<string> Top, int RelevantInTop)
{
    public double PrecisionAt5 => RelevantInTop / 5.0;

    /// <summary>The best precision@5 possible for this query (fewer than 5 relevant services caps it).</summary>
    public double BestPossible => Math.Min(5, Query.Relevant.Count) / 5.0;
}

/// <summary>Runs the labelled query set against the shipped catalogue with given ranking options.</summary>
public static class TextSearchEvaluation
{
    public static IReadOnlyList<LabelledQuery> LoadQueries()
    {
        using var stream = typeof(TextSearchEvaluation).Assembly.GetManifestResourceStream("Network.textsearch_queries.json")
            ?? throw new InvalidOperationException("The labelled query set is not embedded.");
        return JsonSerializer.Deserialize(stream, EvaluationJsonContext.Default.ListLabelledQuery) ?? [];
    }

    public static IReadOnlyList<QueryResult> Run(TextSearchOptions options)
    {
        var networkOptions = Options.Create(new NetworkOptions { TextSearch = options, DevClient = new DevClientOptions { Enabled = false } });
        var catalogue = new ServiceCatalogue(networkOptions, new AuroraServiceRegistry(networkOptions), NullLogger<ServiceCatalogue>.Instance);
        var snapshot = catalogue.Current;
        var tokeniser = new Tokeniser(options.Stemming);
        return LoadQueries().Select(query =>
        {
            // Judged services that hygiene dropped (excluded rows) cannot be found; they do not count.
            query.Relevant = query.Relevant.Where(id => snapshot.Find(id) is not null).ToList();
            var top = TextSearchScorer.Score(snapshot, tokeniser, query.Query, ServiceFilterSpec.None, 5, options.NGramWeight)
                .Select(s => snapshot.Services[s.Position].ServiceId).ToList();
            return new QueryResult(query, top, top.Count(query.Relevant.Contains));
        }).ToList();
    }
}

[JsonSerializable(typeof(List<LabelledQuery>))]
internal sealed partial class EvaluationJsonContext : JsonSerializerContext;
