namespace AuroraBots.Network.Validation;

/// <summary>
/// The original's <c>validate_uuid_field</c>: <c>UUID(s, version=4)</c> forces version 4 and the RFC 4122 variant,
/// and the string must equal the canonical lowercase form, so only such strings pass.
/// </summary>
public static class Uuid4
{
    public static bool IsCanonical(string? value) =>
        value is { Length: 36 }
        && Guid.TryParseExact(value, "D", out var guid)
        && guid.ToString("D") == value
        && value[14] == '4'
        && value[19] is '8' or '9' or 'a' or 'b';
}
