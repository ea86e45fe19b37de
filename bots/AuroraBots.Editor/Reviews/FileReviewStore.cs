using System.Text.Json;
using AuroraBots.Editor.Storage;

namespace AuroraBots.Editor.Reviews;

/// <summary><c>DataPath/reviews.json</c>, rewritten atomically on every change.</summary>
public sealed class FileReviewStore(string dataPath) : IReviewStore
{
    private readonly string _file = Path.Combine(dataPath, "reviews.json");
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IReadOnlyList<Review>> ListAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(_file)) return [];
        await using var stream = File.OpenRead(_file);
        var reviews = await JsonSerializer.DeserializeAsync(stream, EditorJsonContext.Default.ListReview, cancellationToken) ?? [];
        return [.. reviews.OrderByDescending(r => r.Submitted)];
    }

    public async Task SaveAsync(Review review, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var reviews = (await ListAsync(cancellationToken)).Where(r => r.Id != review.Id).Append(review).OrderBy(r => r.Submitted).ToList();
            await AtomicFile.WriteAsync(_file, JsonSerializer.Serialize(reviews, EditorJsonContext.Default.ListReview), CancellationToken.None);
        }
        finally { _gate.Release(); }
    }
}
