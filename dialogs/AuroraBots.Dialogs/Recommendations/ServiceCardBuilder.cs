using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AuroraBots.AuroraAI.Models;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Schema;

namespace AuroraBots.Dialogs.Recommendations;

/// <summary>
/// Builds the hero card of one recommended service, showing only what the service's data has (issue 13):
/// <list type="bullet">
/// <item>"Open web page" only for a page of the service's own WebPage or EChannel channel; none otherwise;</item>
/// <item>"Call" only for a number of the service's own channels;</item>
/// <item>the area: the user's municipality or region by name, or "nationwide";</item>
/// <item>PTV texts are Finnish: in sv/en the title says so ("(på finska)", "(in Finnish)") and the attachment
/// carries <c>"locale": "fi"</c>. Web Chat renders hero cards through Adaptive Cards, whose text cannot carry a
/// <c>lang</c> attribute, so a widget that wants screen readers to switch voice reads that property.</item>
/// </list>
/// The command buttons (details, feedback) are the caller's: they carry the engine's postBack protocol.
/// </summary>
public sealed partial class ServiceCardBuilder(Func<string, string> text, string language, string? municipalityCode)
{
    /// <summary>The language of the catalogue's texts (PTV output is Finnish).</summary>
    public const string ServiceTextLanguage = "fi";

    private const int MaxSummary = 300;

    public Attachment Build(RecommendedService service, IEnumerable<CardAction> commands)
    {
        var area = ServiceLocality.Tier(service, municipalityCode) == LocalityTier.National
            ? text(EngineTexts.RecommendNationwide)
            : ServiceLocality.AreaName(service, language) ?? text(EngineTexts.RecommendRegional);
        var subtitle = string.Join(" · ", new[] { service.ResponsibleOrganization?.Name, area }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var summary = string.IsNullOrWhiteSpace(service.ServiceDescriptionSummary) ? service.ServiceDescription : service.ServiceDescriptionSummary;
        if (summary.Length > MaxSummary) summary = summary[..(MaxSummary - 3)] + "…";
        var foreign = language != ServiceTextLanguage;
        var title = foreign ? $"{service.ServiceName} {text(EngineTexts.RecommendInFinnish)}" : service.ServiceName;

        var buttons = new List<CardAction>();
        if (OwnPage(service) is { } page)
            buttons.Add(new CardAction(ActionTypes.OpenUrl, text(EngineTexts.RecommendOpen), JsonValue.Create(page)));
        if (service.ServiceChannels.SelectMany(c => c.PhoneNumbers).Select(PhoneNumber).FirstOrDefault(p => p is not null) is { } phone)
            buttons.Add(new CardAction(ActionTypes.Call, text(EngineTexts.RecommendCall), JsonValue.Create("tel:" + phone)));
        buttons.AddRange(commands);

        var attachment = new HeroCard { Title = title, Subtitle = subtitle, Text = summary, Buttons = buttons }.ToAttachment();
        if (foreign) (attachment.Properties ??= [])["locale"] = JsonSerializer.SerializeToElement(ServiceTextLanguage, CardJsonContext.Default.String);
        return attachment;
    }

    /// <summary>True when the service's data has an address or opening hours to show on request.</summary>
    public static bool HasDetails(RecommendedService service) =>
        service.ServiceChannels.Any(c => !string.IsNullOrWhiteSpace(c.Address) || c.ServiceHours.Count > 0);

    /// <summary>The first page of the service's own web-page or e-service channel (never a guessed front page).</summary>
    private static string? OwnPage(RecommendedService service) =>
        service.ServiceChannels.Where(c => c.ServiceChannelType == "WebPage")
            .Concat(service.ServiceChannels.Where(c => c.ServiceChannelType == "EChannel"))
            .SelectMany(c => c.WebPages)
            .FirstOrDefault(p => !string.IsNullOrWhiteSpace(p));

    private static string? PhoneNumber(string entry)
    {
        var match = Phone().Match(entry);
        return match.Success ? Separators().Replace(match.Value, "") : null;
    }

    [GeneratedRegex(@"\+?\d[\d\s-]{5,}\d")]
    private static partial Regex Phone();

    [GeneratedRegex(@"[\s-]")]
    private static partial Regex Separators();
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class CardJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
