using System.ComponentModel;
using System.Globalization;
using AuroraBots.AuroraAI.Models;
using AuroraBots.Dialogs.Handoff;
using AuroraBots.Handoff.Ledger;
using Microsoft.SemanticKernel;

namespace AuroraBots.Handoff.Plugins;

/// <summary>
/// Semantic Kernel plugin <c>handoff</c>: the link-out to an AuroraAI service outside this platform
/// (<c>Handoff:ExternalServices</c>) for flows, after the flow has asked the user's consent. The decision is
/// recorded in the consent ledger like any hand-off; the link carries <c>auroraai_access_token</c> when something
/// was shared, as the original AuroraAI widgets expect.
/// </summary>
public sealed class HandoffPlugin(IHandoffService handoff, HandoffTargets targets)
{
    public const string PluginName = "handoff";

    [KernelFunction("link_out"), Description("Records the consent and returns a Markdown link to an external AuroraAI service, carrying the consented attributes' token.")]
    public async Task<string> LinkOutAsync(
        [Description("Pseudonymous subject id ({conv.subject})")] string subject_id,
        [Description("The bot handing over")] string source_bot,
        [Description("Id of the external service in Handoff:ExternalServices")] string target,
        [Description("fi, sv or en")] string language = "fi",
        [Description("Consented age, empty when not shared")] string? age = null,
        [Description("Consented municipality code, empty when not shared")] string? municipality_code = null,
        [Description("Why the service gets the data, as shown to the user")] string? purpose = null,
        CancellationToken cancellationToken = default)
    {
        var service = targets.Find(target);
        if (service is null || service.Kind != RecipientKinds.External)
            throw new ArgumentException($"'{target}' is not an external AuroraAI service (Handoff:ExternalServices).", nameof(target));

        var attributes = new SessionAttributes
        {
            Age = int.TryParse(age, NumberStyles.None, CultureInfo.InvariantCulture, out var years) ? years : null,
            MunicipalityCode = string.IsNullOrWhiteSpace(municipality_code) ? null : municipality_code.Trim(),
        };
        var lang = ConsentTexts.Normalize(language);
        var transfer = await handoff.TransferAsync(
            new HandoffRequest(subject_id, source_bot, target, purpose ?? "", attributes, lang), cancellationToken);
        var url = transfer.Url ?? throw new InvalidOperationException($"External service '{target}' has no link (Handoff:ExternalServices Url).");
        var name = service.Name.GetValueOrDefault(lang) ?? service.Id;
        return string.Format(CultureInfo.InvariantCulture, ConsentTexts.LinkOut[lang], name, url.AbsoluteUri);
    }
}
