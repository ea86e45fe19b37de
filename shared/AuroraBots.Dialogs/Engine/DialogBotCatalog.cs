using AuroraBots.Builder;

namespace AuroraBots.Dialogs.Engine;

/// <summary>The bots of the served content, as <see cref="IBotCatalog"/> (follows hot reloads).</summary>
public sealed class DialogBotCatalog(IDialogContent content) : IBotCatalog
{
    private DialogRuntime? _seen;
    private IReadOnlyList<BotDescriptor> _bots = [];

    public IReadOnlyList<BotDescriptor> Bots
    {
        get
        {
            var current = content.Current;
            if (!ReferenceEquals(current, _seen))
            {
                _bots = [.. current.Content.Bots.Values.Select(b => b.ToDescriptor())];
                _seen = current;
            }
            return _bots;
        }
    }

    public BotDescriptor? Find(string botId) => Bots.FirstOrDefault(b => b.Id == botId);
}
