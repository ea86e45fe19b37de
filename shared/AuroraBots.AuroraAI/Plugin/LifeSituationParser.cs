using System.Globalization;
using AuroraBots.AuroraAI.Models;

namespace AuroraBots.AuroraAI.Plugin;

/// <summary>Parses "health=3, housing=2 4" (meter = one or more values 0–10) into the wire form.</summary>
public static class LifeSituationParser
{
    public static Dictionary<string, List<int>> Parse(string text)
    {
        var meters = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var part in text.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split(['=', ':'], 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || !LifeSituationMeters.All.Contains(pair[0]))
                throw new ArgumentException($"'{part}' is not 'meter=value' with one of: {string.Join(", ", LifeSituationMeters.All)}.");
            var values = pair[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 10
                    ? n
                    : throw new ArgumentException($"'{v}' for {pair[0]} is not an integer 0–10."))
                .ToList();
            if (!meters.TryGetValue(pair[0], out var list)) meters[pair[0]] = list = [];
            list.AddRange(values);
        }
        return meters;
    }
}
