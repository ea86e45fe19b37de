using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Dialogs.Nlu;
using AuroraBots.Dialogs.State;
using AuroraBots.Dialogs.Transcripts;
using AuroraBots.Editor.Preview;

namespace AuroraBots.Editor.Transcripts;

/// <summary>
/// The release gate: every transcript test of every bot, in every language, against content about to be published.
/// A failing test stops the publish, as a failing regression test would stop a deployment.
/// </summary>
public sealed class ReleaseTests(IServiceProvider services, IDialogContent live, INluService nlu, ConversationStateStore states)
{
    /// <summary>The failures (empty: all passed). <paramref name="content"/> must still be on disk: tests are read from its folder.</summary>
    public async Task<IReadOnlyList<TranscriptRunItem>> FailuresAsync(DialogContent content, CancellationToken cancellationToken)
    {
        var candidate = new FixedDialogContent(new DialogRuntime(content, nlu), live);
        var runner = new TranscriptRunner(PreviewServiceCollectionExtensions.DraftEngine(services, candidate), candidate, states);
        var results = await runner.RunAllAsync(null, cancellationToken);
        return [.. results.Where(r => !r.Passed).Select(TranscriptRunItem.From)];
    }
}
