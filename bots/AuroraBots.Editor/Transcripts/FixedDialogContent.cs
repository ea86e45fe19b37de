using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Engine;

namespace AuroraBots.Editor.Transcripts;

/// <summary>One fixed runtime, for a test run that must not see a reload half-way.</summary>
internal sealed class FixedDialogContent(DialogRuntime runtime, IDialogContent loader) : IDialogContent
{
    public DialogRuntime Current => runtime;

    public ContentLoadResult LoadFrom(string path) => loader.LoadFrom(path);

    public event Action<DialogRuntime>? Reloaded { add { } remove { } }
}
