using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Dialogs.Transcripts;

namespace AuroraBots.Editor.Transcripts;

/// <summary>One fixed runtime, for a test run that must not see a reload half-way.</summary>
internal sealed class FixedDialogContent(DialogRuntime runtime, IDialogContent loader) : IDialogContent
{
    public DialogRuntime Current => runtime;

    public ContentLoadResult LoadFrom(string path, CancellationToken cancellationToken = default) => loader.LoadFrom(path, cancellationToken);

    public event Action<DialogRuntime>? Reloaded { add { } remove { } }

    /// <summary>A transcript runner over <paramref name="runtime"/> alone, in <paramref name="sandbox"/> (never the live ledger, network or state).</summary>
    public static TranscriptRunner Runner(TestSandbox sandbox, DialogRuntime runtime, IDialogContent loader)
    {
        var content = new FixedDialogContent(runtime, loader);
        return new TranscriptRunner(new DialogEngine(content, sandbox.States, sandbox.Engine), content, sandbox.States);
    }
}
