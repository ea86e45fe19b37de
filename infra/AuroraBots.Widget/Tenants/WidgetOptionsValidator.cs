using System.Text.RegularExpressions;
using AuroraBots.Platform;
using Microsoft.Extensions.Options;

namespace AuroraBots.Widget.Tenants;

/// <summary>Fails startup with a clear message when a tenant is misconfigured (unreadable colours included).</summary>
public sealed partial class WidgetOptionsValidator(Languages languages) : IValidateOptions<WidgetOptions>
{
    public const double MinimumTextContrast = 4.5;
    private IReadOnlyList<string> SupportedLanguages => languages.Supported;

    public ValidateOptionsResult Validate(string? name, WidgetOptions options)
    {
        var errors = new List<string>();
        if (!string.IsNullOrEmpty(options.PublicBaseUrl) && OriginMatcher.Normalise(options.PublicBaseUrl) is null)
            errors.Add($"Widget:PublicBaseUrl '{options.PublicBaseUrl}' must be an absolute http(s) origin without a path.");
        if (options.TokenRateLimit.PermitLimit < 1 || options.TokenRateLimit.WindowSeconds < 1)
            errors.Add("Widget:TokenRateLimit:PermitLimit and WindowSeconds must be positive.");

        foreach (var (id, tenant) in options.Tenants)
        {
            var path = $"Widget:Tenants:{id}";
            if (!TenantId().IsMatch(id)) errors.Add($"{path}: tenant ids use lower-case letters, digits and '-'.");
            if (string.IsNullOrWhiteSpace(tenant.DefaultBot)) errors.Add($"{path}:DefaultBot is required.");
            if (tenant.AllowedOrigins.Count == 0) errors.Add($"{path}:AllowedOrigins needs at least one origin.");
            foreach (var origin in tenant.AllowedOrigins)
            {
                var concrete = origin.EndsWith(":*", StringComparison.Ordinal) ? origin[..^2] : origin;
                if (OriginMatcher.Normalise(concrete) is null) errors.Add($"{path}:AllowedOrigins '{origin}' is not an http(s) origin.");
            }
            if (tenant.Languages.Count == 0 || tenant.Languages.Any(l => !SupportedLanguages.Contains(l)))
                errors.Add($"{path}:Languages must be a non-empty subset of fi, sv, en.");
            if (!tenant.Languages.Contains(tenant.DefaultLanguage))
                errors.Add($"{path}:DefaultLanguage '{tenant.DefaultLanguage}' is not one of its Languages.");
            if (tenant.MunicipalityCode is { } code && !MunicipalityCode().IsMatch(code))
                errors.Add($"{path}:MunicipalityCode '{code}' must be a three-digit Statistics Finland code.");
            ValidateTheme($"{path}:Theme", tenant.Theme, errors);
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateTheme(string path, ThemeOptions theme, List<string> errors)
    {
        var colours = new[] { (nameof(theme.Primary), theme.Primary), (nameof(theme.OnPrimary), theme.OnPrimary),
            (nameof(theme.Background), theme.Background), (nameof(theme.Text), theme.Text) };
        var malformed = colours.Where(c => !ColourContrast.TryParseHex(c.Item2, out _)).ToList();
        foreach (var (key, value) in malformed) errors.Add($"{path}:{key} '{value}' must be a #rrggbb colour.");
        if (malformed.Count > 0) return;

        Require(path, "OnPrimary on Primary", ColourContrast.Ratio(theme.OnPrimary, theme.Primary), MinimumTextContrast, errors);
        Require(path, "Text on Background", ColourContrast.Ratio(theme.Text, theme.Background), MinimumTextContrast, errors);
        // The primary colour also draws own-message bubbles' edges, focus rings and buttons on the panel background.
        Require(path, "Primary on Background", ColourContrast.Ratio(theme.Primary, theme.Background), MinimumTextContrast, errors);
    }

    private static void Require(string path, string pair, double ratio, double minimum, List<string> errors)
    {
        if (ratio < minimum) errors.Add($"{path}: contrast of {pair} is {ratio:0.00}:1, below the required {minimum}:1.");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex TenantId();

    [GeneratedRegex("^[0-9]{3}$")]
    private static partial Regex MunicipalityCode();
}
