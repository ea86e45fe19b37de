using System.ComponentModel;
using System.Text;
using AuroraBots.Builder;
using AuroraBots.Handoff.Ledger;
using Microsoft.SemanticKernel;

namespace AuroraBots.Handoff.Plugins;

/// <summary>
/// Semantic Kernel plugin <c>consent</c>: lets flows list and revoke the user's consents through
/// <c>action</c> steps. Texts come back in the user's language, ready to send.
/// </summary>
public sealed class ConsentPlugin(ConsentCenter center, HandoffTargets targets, IBotCatalog catalog, TimeProvider time)
{
    public const string PluginName = "consent";

    [KernelFunction("list_consents"), Description("Lists the user's hand-off consents (recipient, attributes, status) as chat text.")]
    public async Task<string> ListConsentsAsync(
        [Description("Pseudonymous subject id of the conversation")] string subject_id,
        [Description("fi, sv or en")] string language = "fi",
        CancellationToken cancellationToken = default)
    {
        var receipts = await center.ListAsync(subject_id, cancellationToken);
        var lang = ConsentTexts.Normalize(language);
        if (receipts.Count == 0) return ConsentTexts.NoConsents[lang];

        var now = time.GetUtcNow();
        var text = new StringBuilder(ConsentTexts.ListIntro[lang]);
        var number = 1;
        foreach (var receipt in receipts)
        {
            text.Append("\n\n").Append(number++).Append(". **").Append(RecipientName(receipt.Recipient, lang)).Append("** — ")
                .Append(string.Join(", ", receipt.Attributes.Select(a => ConsentTexts.AttributeName(a, lang))))
                .Append("\n   ").Append(receipt.Purpose)
                .Append("\n   ").Append(ConsentTexts.Status(receipt, now, lang))
                .Append(" (").Append(receipt.Id).Append(')');
        }
        return text.ToString();
    }

    [KernelFunction("active_consent_ids"), Description("Ids of the user's consents that can still be revoked, newest first, comma-separated.")]
    public async Task<string> ActiveConsentIdsAsync(
        [Description("Pseudonymous subject id of the conversation")] string subject_id,
        CancellationToken cancellationToken = default)
    {
        var receipts = await center.ListAsync(subject_id, cancellationToken);
        var now = time.GetUtcNow();
        return string.Join(",", receipts.Where(r => r.IsActiveAt(now)).Select(r => r.Id));
    }

    [KernelFunction("revoke_consent"), Description("Revokes one consent by its id, or by its number in the list (1 = newest). Returns a confirmation text.")]
    public async Task<string> RevokeConsentAsync(
        [Description("Pseudonymous subject id of the conversation")] string subject_id,
        [Description("Consent receipt id (cr_…) or its number in the list")] string consent,
        [Description("fi, sv or en")] string language = "fi",
        CancellationToken cancellationToken = default)
    {
        var lang = ConsentTexts.Normalize(language);
        var receiptId = consent.Trim();
        if (int.TryParse(receiptId.TrimEnd('.'), out var number))
        {
            var receipts = await center.ListAsync(subject_id, cancellationToken);
            receiptId = number >= 1 && number <= receipts.Count ? receipts[number - 1].Id : "";
        }
        var revoked = receiptId.Length == 0 ? null : await center.RevokeAsync(subject_id, receiptId, cancellationToken);
        return revoked is null
            ? ConsentTexts.NotFound[lang]
            : string.Format(ConsentTexts.Revoked[lang], RecipientName(revoked.Recipient, lang));
    }

    private string RecipientName(string recipient, string lang)
    {
        var target = targets.Find(recipient);
        if (target is null) return recipient;
        var name = target.Name.GetValueOrDefault(lang) ?? catalog.Find(recipient)?.NameIn(lang) ?? recipient;
        return target.Organisation.TryGetValue(lang, out var org) ? $"{name} ({org})" : name;
    }
}
