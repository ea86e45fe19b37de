using System.Text;
using CsCheck;

namespace AuroraBots.Testing;

/// <summary>
/// CsCheck generators for the fuzz and abuse suite (issue 15): hostile text, JSON and YAML. Each generator mixes
/// well-formed shapes (so deep code paths are reached) with malformed, oversized and wrong-typed variants.
/// </summary>
public static class FuzzInputs
{
    /// <summary>Text of every kind: ASCII, any UTF-16 unit (lone surrogates included), control characters, multi-byte runs.</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
        (3, Gen.String[0, 40]),
        (2, Gen.Char.Array[0, 40].Select(chars => new string(chars))),
        (1, Gen.Char["\r\n\t\0\u2028\u202e\"\\{}[]<>&'"].Array[0, 20].Select(chars => new string(chars))),
        (1, Gen.Int[1, 4000].Select(n => string.Concat(Enumerable.Repeat("€😀ä", n)))));

    private static readonly Gen<string> Key = Gen.Frequency(
        (3, Gen.OneOf("type", "text", "from", "id", "name", "value", "channelData", "attachments", "locale", "entities",
            "steps", "say", "ask", "goto", "if", "set", "fi", "sv", "en", "suggestions", "handoff", "recommend", "languages",
            "life_situation_meters", "limit", "session_id", "search_text", "service_channel_id", "contentType", "contentUrl")),
        (1, Text));

    /// <summary>A JSON value (string, number, bool, null, array, object) nested up to <paramref name="depth"/>.</summary>
    public static Gen<string> JsonValue(int depth) => depth <= 0
        ? Gen.OneOf(Text.Select(Quote), Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "1e400"),
            Gen.OneOf("true", "false", "null"))
        : Gen.Frequency(
            (3, JsonValue(0)),
            (1, JsonValue(depth - 1).Array[0, 5].Select(items => "[" + string.Join(",", items) + "]")),
            (1, Gen.Select(Key, JsonValue(depth - 1)).Array[0, 5].Select(members => "{" + string.Join(",", members.Select(m => Quote(m.Item1) + ":" + m.Item2)) + "}")));

    /// <summary>Direct Line request bodies: activity-shaped, wrong types, truncated, deeply nested, oversized, not JSON.</summary>
    public static readonly Gen<string> ActivityJson = Gen.Frequency(
        (4, Gen.Select(Gen.OneOf("message", "event", "typing", "conversationUpdate", "", "invoke"), Text, JsonValue(3), JsonValue(2),
            (type, text, channelData, attachments) =>
                $$"""{"type":{{Quote(type)}},"text":{{Quote(text)}},"from":{"id":"u1"},"channelData":{{channelData}},"attachments":{{attachments}}}""")),
        (2, JsonValue(4)),
        (1, Gen.Select(JsonValue(3), Gen.Int[0, 100], (json, cut) => json[..(json.Length * cut / 100)])),
        (1, Gen.Int[1, 20_000].Select(n => new string('[', n) + new string(']', n))),
        (1, Gen.Int[200_000, 400_000].Select(n => $$"""{"type":"message","from":{"id":"u1"},"text":"{{new string('é', n)}}"}""")),
        (1, Gen.Byte.Array[0, 200].Select(bytes => Encoding.Latin1.GetString(bytes))));

    /// <summary>YAML documents: content-shaped with wrong types, deep, aliased, huge, or not YAML at all.</summary>
    public static readonly Gen<string> Yaml = Gen.Frequency(
        (4, YamlNode(4, 0).Select(node => node + "\n")),
        (1, Gen.Int[1, 50_000].Select(HostileYaml.Deep)),
        (1, Gen.Int[1, 12].Select(HostileYaml.AliasBomb)),
        (1, Gen.Int[100_000, 700_000].Select(n => "steps:\n  - say: " + new string('y', n) + "\n")),
        (1, Text));

    private static Gen<string> YamlNode(int depth, int indent)
    {
        var pad = new string(' ', indent);
        Gen<string> scalar = Gen.OneOf(Text.Select(t => Quote(t)), Gen.OneOf("~", "yes", "1.5", "-3", "@hello", "{bot.name}", "[]", "{}", "&a x", "*a", "!!binary AA=="));
        if (depth <= 0) return scalar;
        return Gen.Frequency(
            (2, scalar),
            (1, YamlNode(depth - 1, indent + 2).Array[1, 4].Select(items => "\n" + string.Join("\n", items.Select(i => pad + "- " + i.TrimStart())))),
            (1, Gen.Select(Key, YamlNode(depth - 1, indent + 2)).Array[1, 4].Select(members =>
                "\n" + string.Join("\n", members.Select(m => pad + Quote(m.Item1) + ": " + m.Item2)))));
    }

    /// <summary>A JSON (and YAML double-quoted) string literal.</summary>
    public static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}

/// <summary>
/// Records how many generated cases a fuzz test ran and the process's peak resident memory (VmHWM): appended to the
/// file named by <c>AURORABOTS_FUZZ_REPORT</c>, which scripts/test.sh sums up.
/// </summary>
public static class FuzzReport
{
    public static void Record(string suite, int cases)
    {
        if (Environment.GetEnvironmentVariable("AURORABOTS_FUZZ_REPORT") is not { Length: > 0 } path) return;
        File.AppendAllText(path, $"{suite} {cases} {PeakRssKilobytes()}\n");
    }

    public static long PeakRssKilobytes()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException) { return 0; }
    }
}
