using AuroraBots.Platform;

namespace AuroraBots.Handoff;

/// <summary>Start-up checks of <see cref="HandoffOptions"/>: a wrong key or registration fails loudly, not mid-conversation.</summary>
public static class HandoffOptionsValidator
{
    private static readonly HashSet<string> KnownAttributes =
        [AttributeNames.Age, AttributeNames.MunicipalityCode, AttributeNames.LifeSituationMeters];

    /// <param name="languages">The platform's languages (each external service needs a name in every one); the defaults when not given.</param>
    public static IReadOnlyList<string> Validate(HandoffOptions options, Languages? languages = null)
    {
        languages ??= Languages.Default;
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.SubjectKey))
        {
            var key = new byte[256];
            if (!Convert.TryFromBase64String(options.SubjectKey, key, out var length) || length < 16)
                errors.Add("Handoff:SubjectKey must be base64 of at least 16 bytes.");
        }
        if (options.ConsentLifetime <= TimeSpan.Zero) errors.Add("Handoff:ConsentLifetime must be positive.");
        if (options.LedgerRetention < options.ConsentLifetime) errors.Add("Handoff:LedgerRetention must be at least the ConsentLifetime.");

        var seen = new HashSet<string>();
        for (var i = 0; i < options.ExternalServices.Count; i++)
        {
            var service = options.ExternalServices[i];
            var at = $"Handoff:ExternalServices:{i}";
            if (string.IsNullOrWhiteSpace(service.Id)) errors.Add($"{at}:Id is required.");
            else if (!seen.Add(service.Id)) errors.Add($"{at}:Id '{service.Id}' is used twice.");
            if (!IsCanonicalUuidV4(service.ServiceChannelId))
                errors.Add($"{at}:ServiceChannelId must be a lowercase UUIDv4 (got '{service.ServiceChannelId}').");
            foreach (var attribute in service.Receives.Where(a => !IsKnownAttribute(a)))
                errors.Add($"{at}:Receives has an unknown attribute '{attribute}' (known: {string.Join(", ", KnownAttributes)}).");
            foreach (var lang in languages.Supported.Where(l => !service.Name.ContainsKey(l)))
                errors.Add($"{at}:Name:{lang} is required.");
        }
        return errors;
    }

    public static bool IsKnownAttribute(string name) =>
        KnownAttributes.Contains(name)
        || (name.StartsWith(AttributeNames.LifeSituationMeters + ".", StringComparison.Ordinal)
            && AuroraAI.Models.LifeSituationMeters.All.Contains(name[(AttributeNames.LifeSituationMeters.Length + 1)..]));

    public static void ThrowIfInvalid(HandoffOptions options, Languages? languages = null)
    {
        var errors = Validate(options, languages);
        if (errors.Count > 0)
            throw new InvalidOperationException("Invalid hand-off configuration:\n  " + string.Join("\n  ", errors));
    }

    public static bool IsCanonicalUuidV4(string? value) =>
        Guid.TryParseExact(value, "D", out var guid) && guid.Version == 4 && guid.ToString("D") == value;
}
