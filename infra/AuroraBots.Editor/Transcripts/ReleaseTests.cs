using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Dialogs.Nlu;

namespace AuroraBots.Editor.Transcripts;

/// <summary>
/// The release gate: every transcript test of every bot, in every language, against content about to be published.
/// A failing test stops the publish, as a failing regression test would stop a deployment. The tests run in a
/// <see cref="TestSandbox"/>: a publish leaves nothing in the live consent ledger, network or conversation state.
/// </summary>
public sealed class ReleaseTests(IServiceProvider services, IDialogContent live, INluService nlu)
{
    /// <summary>The failures (empty: all passed). <paramref name="content"/> must still be on disk: tests are read from its folder.</summary>
    public async Task<IReadOnlyList<TranscriptRunItem>> FailuresAsync(DialogContent content, CancellationToken cancellationToken)
    {
        var runtime = new DialogRuntime(content, nlu);
        await using var sandbox = await TestSandbox.StartAsync(services, runtime, cancellationToken);
        var results = await FixedDialogContent.Runner(sandbox, runtime, live).RunAllAsync(null, cancellationToken);
        return [.. results.Where(r => !r.Passed).Select(TranscriptRunItem.From)];
    }
}
