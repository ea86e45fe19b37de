namespace AuroraBots.Editor.Reviews;

/// <summary>Reviews, kept beside drafts and versions: <c>DataPath/reviews.json</c>, or Redis when configured.</summary>
public interface IReviewStore
{
    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<Review>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Adds or replaces (by id).</summary>
    Task SaveAsync(Review review, CancellationToken cancellationToken);
}
