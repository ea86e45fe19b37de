using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Dialogs.State;
using AuroraBots.Dialogs.Transcripts;
using AuroraBots.Editor.Preview;
using Microsoft.Extensions.DependencyInjection;

namespace AuroraBots.Editor.Transcripts;

/// <summary>One fixed runtime, for a test run that must not see a reload half-way.</summary>
internal sealed class FixedDialogContent(DialogRuntime runtime, IDialogContent loader) : IDialogContent
{
    public DialogRuntime Current => runtime;

    public ContentLoadResult LoadFrom(string path, CancellationToken cancellationToken = default) => loader.LoadFrom(path, cancellationToken);

    public event Action<DialogRuntime>? Reloaded { add { } remove { } }

    /// <summary>A transcript runner over <paramref name="runtime"/> alone (the draft engine's services, this host's state store).</summary>
    public static TranscriptRunner Runner(IServiceProvider services, DialogRuntime runtime, IDialogContent loader)
    {
        var content = new FixedDialogContent(runtime, loader);
        return new TranscriptRunner(PreviewServiceCollectionExtensions.DraftEngine(services, content), content, services.GetRequiredService<ConversationStateStore>());
    }
}
