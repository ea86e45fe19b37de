using AuroraBots.Editor.Audit;
using AuroraBots.Editor.Storage;

namespace AuroraBots.Editor.Reviews;

public enum ReviewOutcome { Done, NotFound, Conflict, Refused }

/// <summary>What a review decision led to: the review, and for an approval the publish result (422 details, version).</summary>
/// <param name="Code">The refusal's message code (Localisation/messages.json), said in the UI's language by the API.</param>
public sealed record ReviewDecision(ReviewOutcome Outcome, Review? Review, PublishResult? Publish = null, string? Message = null, string? Code = null);

/// <summary>
/// The four-eyes workflow: an editor submits the draft for review; another person with the publisher role approves
/// (which publishes exactly the submitted files, with the usual validation and transcript tests) or rejects with a reason.
/// </summary>
public sealed class ReviewService(IRecordStore<Review> reviews, IEditorStore store, EditorService editor, AuditLog audit, TimeProvider time)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<Review>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await reviews.ListAsync(cancellationToken)).OrderByDescending(r => r.Submitted)];

    public async Task<Review> SubmitAsync(string user, string comment, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var hash = ContentHash.OfFiles(await store.ReadDraftFilesAsync(cancellationToken));
            var now = time.GetUtcNow();
            // One draft, one open question: an older pending review no longer describes the draft.
            foreach (var pending in (await ListAsync(cancellationToken)).Where(r => r.State == ReviewStates.Pending))
                await reviews.SaveAsync(pending with { State = ReviewStates.Superseded, Decided = now }, cancellationToken);
            var review = new Review(Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(5)), user, now, comment, hash, ReviewStates.Pending);
            await reviews.SaveAsync(review, cancellationToken);
            await audit.AppendAsync(user, ReviewAuditActions.Submit, review.Id, true, comment, cancellationToken);
            return review;
        }
        finally { _gate.Release(); }
    }

    public async Task<ReviewDecision> ApproveAsync(string user, string id, string? comment, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var (review, refusal) = await FindPendingAsync(id, user, cancellationToken);
            if (refusal is not null) return refusal;
            var text = $"{review.Comment} (review {review.Id} by {review.Author}, approved by {user}{(string.IsNullOrWhiteSpace(comment) ? "" : ": " + comment.Trim())})";
            var published = await editor.PublishAsync(user, text, cancellationToken, review.DraftHash);
            switch (published.Outcome)
            {
                case PublishOutcome.DraftChanged:
                    await audit.AppendAsync(user, ReviewAuditActions.Approve, id, false, "the draft changed since it was submitted", cancellationToken);
                    return new(ReviewOutcome.Conflict, review, Message: "The draft has changed since this review was submitted; ask for a new review of the current draft.", Code: "review.draftChanged");
                case PublishOutcome.Published or PublishOutcome.LiveWriteFailed:
                    var approved = review with { State = ReviewStates.Approved, DecidedBy = user, Decided = time.GetUtcNow(), DecisionComment = comment?.Trim(), Version = published.Version?.Number };
                    await reviews.SaveAsync(approved, CancellationToken.None);
                    await audit.AppendAsync(user, ReviewAuditActions.Approve, id, true, $"v{published.Version?.Number}", CancellationToken.None);
                    return new(ReviewOutcome.Done, approved, published);
                default:
                    // Invalid or failing tests: nothing was published and the review stays open.
                    return new(ReviewOutcome.Refused, review, published);
            }
        }
        finally { _gate.Release(); }
    }

    public async Task<ReviewDecision> RejectAsync(string user, string id, string comment, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var (review, refusal) = await FindPendingAsync(id, null, cancellationToken);
            if (refusal is not null) return refusal;
            var rejected = review with { State = ReviewStates.Rejected, DecidedBy = user, Decided = time.GetUtcNow(), DecisionComment = comment };
            await reviews.SaveAsync(rejected, cancellationToken);
            await audit.AppendAsync(user, ReviewAuditActions.Reject, id, true, comment, cancellationToken);
            return new(ReviewOutcome.Done, rejected);
        }
        finally { _gate.Release(); }
    }

    /// <summary>The pending review <paramref name="id"/>, or why it cannot be decided (by <paramref name="approver"/>, when approving).</summary>
    private async Task<(Review Review, ReviewDecision? Refusal)> FindPendingAsync(string id, string? approver, CancellationToken cancellationToken)
    {
        var review = (await reviews.ListAsync(cancellationToken)).FirstOrDefault(r => r.Id == id);
        if (review is null) return (null!, new(ReviewOutcome.NotFound, null, Message: $"There is no review '{id}'.", Code: "review.notFound"));
        if (review.State != ReviewStates.Pending) return (review, new(ReviewOutcome.Conflict, review, Message: $"This review is {review.State} already.", Code: "review.decided"));
        if (approver is not null && string.Equals(review.Author, approver, StringComparison.OrdinalIgnoreCase))
            return (review, new(ReviewOutcome.Conflict, review, Message: "You submitted this review; someone else must approve it.", Code: "review.own"));
        return (review, null);
    }
}

public static class ReviewAuditActions
{
    public const string Submit = "review-submit";
    public const string Approve = "review-approve";
    public const string Reject = "review-reject";
}
