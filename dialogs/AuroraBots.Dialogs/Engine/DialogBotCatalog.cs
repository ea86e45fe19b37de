using AuroraBots.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace AuroraBots.Dialogs.Engine;

/// <summary>The bots of the served content, as <see cref="IBotCatalog"/> (follows hot reloads).</summary>
/// <remarks>
/// Resolves the content on first use, not in the constructor: plugins (e.g. the hand-off's consent plugin) take
/// the catalog, and the content's validation needs the plugins — resolving eagerly would be a cycle.
/// </remarks>
public sealed class DialogBotCatalog(IServiceProvider services) : IBotCatalog
{
    private DialogRuntime? _seen;
    private IReadOnlyList<BotDescriptor> _bots = [];

    public IReadOnlyList<BotDescriptor> Bots
    {
        get
        {
            var current = services.GetRequiredService<IDialogContent>().Current;
            if (!ReferenceEquals(current, Volatile.Read(ref _seen)))
            {
                _bots = [.. current.Content.Bots.Values.Select(b => b.ToDescriptor())];
                Volatile.Write(ref _seen, current);
            }
            return _bots;
        }
    }

    public BotDescriptor? Find(string botId) => Bots.FirstOrDefault(b => b.Id == botId);
}
