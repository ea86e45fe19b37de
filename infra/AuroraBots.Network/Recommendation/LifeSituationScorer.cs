using AuroraBots.AuroraAI.Models;
using AuroraBots.Network.Catalogue;

namespace AuroraBots.Network.Recommendation;

/// <summary>
/// The recommender's scoring (<c>service_recommender.py:recommend</c>): need per given meter q = 1 − mean/10.1;
/// only the given meters are dimensions; services whose labels on those meters are all zero (or that are
/// unlabelled) are out; score = cosine(labels, q). Order: score descending, then service id ascending (the
/// original's pandas sort leaves ties unordered; we make them stable).
/// </summary>
public static class LifeSituationScorer
{
    public static List<ScoredService> Score(
        CatalogueSnapshot catalogue, IReadOnlyDictionary<string, IReadOnlyList<int>> meters, ServiceFilterSpec filter, int take)
    {
        var dimensions = new List<(int Index, double Need)>();
        for (var i = 0; i < LifeSituationMeters.All.Count; i++)
            if (meters.TryGetValue(LifeSituationMeters.All[i], out var values) && values.Count > 0)
                dimensions.Add((i, 1 - values.Average() / 10.1));
        var results = new List<ScoredService>();
        if (dimensions.Count == 0) return results; // the original fails with 500 here; no labels → no results

        var queryNorm = Math.Sqrt(dimensions.Sum(d => d.Need * d.Need));
        var services = catalogue.Services;
        for (var position = 0; position < services.Length; position++)
        {
            var labels = services[position].Labels;
            if (labels is null) continue;
            double dot = 0, norm = 0;
            foreach (var (index, need) in dimensions)
            {
                var label = labels[index];
                dot += label * need;
                norm += label * label;
            }
            if (norm == 0 || !ServiceFilter.Matches(services[position], filter)) continue;
            results.Add(new ScoredService(position, dot / (Math.Sqrt(norm) * queryNorm)));
        }

        results.Sort((a, b) => b.Score != a.Score
            ? b.Score.CompareTo(a.Score)
            : string.CompareOrdinal(services[a.Position].ServiceId, services[b.Position].ServiceId));
        if (results.Count > take) results.RemoveRange(take, results.Count - take);
        return results;
    }
}
