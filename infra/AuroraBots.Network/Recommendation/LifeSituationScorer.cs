using AuroraBots.AuroraAI.Models;
using AuroraBots.Network.Catalogue;
using AuroraBots.Network.Search;

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
        if (dimensions.Count == 0) return []; // the original fails with 500 here; no labels → no results
        var services = catalogue.Services;
        var best = new TopK<ScoredService>(take, (a, b) => b.Score != a.Score
            ? b.Score.CompareTo(a.Score)
            : string.CompareOrdinal(services[a.Position].ServiceId, services[b.Position].ServiceId));

        var queryNorm = Math.Sqrt(dimensions.Sum(d => d.Need * d.Need));
        var meterCount = LifeSituationMeters.All.Count;
        var positions = catalogue.LabelledPositions;
        var matrix = catalogue.LabelMatrix;
        for (var row = 0; row < positions.Length; row++)
        {
            var offset = row * meterCount;
            double dot = 0, norm = 0;
            foreach (var (index, need) in dimensions)
            {
                var label = matrix[offset + index];
                dot += label * need;
                norm += label * label;
            }
            if (norm == 0 || !ServiceFilter.Matches(services[positions[row]], filter)) continue;
            best.Offer(new ScoredService(positions[row], dot / (Math.Sqrt(norm) * queryNorm)));
        }
        return best.ToSortedList();
    }
}
