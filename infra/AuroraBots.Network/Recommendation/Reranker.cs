namespace AuroraBots.Network.Recommendation;

/// <summary>
/// Approximates the original XGBoost reranker (<c>rerank: true</c>). Its trees are dominated by "clicked before
/// from this calling service" (prediction ≈ 1.1–1.2) versus not (≈ −0.1–0.5), so we use 1.15 and 0.25 and order by
/// sqrt(similarity × prediction) with both clamped to ≥ 1e-4, as the original does. <c>similarity_score</c> is unchanged.
/// </summary>
public static class Reranker
{
    public static List<ScoredService> Rerank(
        List<ScoredService> candidates, Func<ScoredService, int> previousRedirects, int take)
    {
        return candidates
            .Select((c, i) => (Candidate: c, Index: i, Key: Math.Sqrt(Math.Max(c.Score, 1e-4) * (previousRedirects(c) > 0 ? 1.15 : 0.25))))
            .OrderByDescending(x => x.Key)
            .ThenBy(x => x.Index)
            .Take(take)
            .Select(x => x.Candidate)
            .ToList();
    }
}
