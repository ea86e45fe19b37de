using System.Globalization;

namespace AuroraBots.Widget.Tenants;

/// <summary>WCAG 2.x relative luminance and contrast ratio of <c>#rrggbb</c> colours.</summary>
public static class ColourContrast
{
    public static bool TryParseHex(string? value, out (double R, double G, double B) rgb)
    {
        rgb = default;
        if (value is not { Length: 7 } || value[0] != '#') return false;
        if (!int.TryParse(value.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var packed)) return false;
        rgb = (((packed >> 16) & 0xff) / 255.0, ((packed >> 8) & 0xff) / 255.0, (packed & 0xff) / 255.0);
        return true;
    }

    /// <summary>Contrast ratio (1–21) of two <c>#rrggbb</c> colours; throws on malformed input.</summary>
    public static double Ratio(string foreground, string background)
    {
        if (!TryParseHex(foreground, out var fg)) throw new FormatException($"'{foreground}' is not a #rrggbb colour.");
        if (!TryParseHex(background, out var bg)) throw new FormatException($"'{background}' is not a #rrggbb colour.");
        var (l1, l2) = (Luminance(fg), Luminance(bg));
        return (Math.Max(l1, l2) + 0.05) / (Math.Min(l1, l2) + 0.05);
    }

    private static double Luminance((double R, double G, double B) c) =>
        0.2126 * Linear(c.R) + 0.7152 * Linear(c.G) + 0.0722 * Linear(c.B);

    private static double Linear(double channel) =>
        channel <= 0.04045 ? channel / 12.92 : Math.Pow((channel + 0.055) / 1.055, 2.4);
}
