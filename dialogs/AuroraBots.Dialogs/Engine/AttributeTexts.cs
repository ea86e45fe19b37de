using System.Text;
using AuroraBots.Dialogs.State;
using AuroraBots.Dialogs.Content;
using AuroraBots.Schema;

namespace AuroraBots.Dialogs.Engine;

/// <summary><c>{user.attributes}</c>: each attribute the active bot holds, its value and where it came from.</summary>
internal sealed class AttributeTexts(DialogTurn turn)
{
    public string List()
    {
        var replies = turn.Replies;
        if (turn.Bot.Attributes.Count == 0) return replies.SharedText(EngineTexts.NoAttributes);
        var builder = new StringBuilder();
        foreach (var name in AttributeSchema.All.Where(turn.Bot.Attributes.ContainsKey))
        {
            var value = turn.Bot.Attributes[name];
            builder.Append("- **").Append(replies.AttributeLabel(name)).Append("**: ").Append(replies.DisplayValue(name, value.Value))
                .Append(" — ").Append(Provenance(value)).Append('\n');
        }
        return builder.ToString().TrimEnd();
    }

    private string Provenance(AttributeValue value)
    {
        var key = value.Source switch
        {
            AttributeSources.Recognised => EngineTexts.SourceRecognised,
            AttributeSources.Handoff => EngineTexts.SourceHandoff,
            AttributeSources.SetByBot => EngineTexts.SourceSet,
            AttributeSources.Site => EngineTexts.SourceSite,
            AttributeSources.Test => EngineTexts.SourceTest,
            _ => EngineTexts.SourceAsked,
        };
        var source = new Dictionary<string, string>
        {
            ["source.bot"] = value.FromBot is { } from && turn.Content.Bots.TryGetValue(from, out var bot) ? bot.NameIn(turn.Language) : value.FromBot ?? "",
            ["source.receipt"] = value.Receipt ?? "",
        };
        return turn.Replies.SharedText(key, scope: source);
    }
}
