using System.Reflection;
using System.Text;
using System.Text.Json;

namespace AuroraBots.AuroraAI.CodeLists;

/// <summary>Reads the code lists embedded from <c>Data/codes</c> (copied unchanged from auroraai-core-components).</summary>
internal static class CodeListResources
{
    private static readonly Assembly Assembly = typeof(CodeListResources).Assembly;

    static CodeListResources() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Stream Open(string fileName) =>
        Assembly.GetManifestResourceStream("AuroraAI.codes." + fileName)
        ?? throw new InvalidOperationException($"Embedded code list '{fileName}' is missing.");

    public static JsonDocument Json(string fileName)
    {
        using var stream = Open(fileName);
        return JsonDocument.Parse(stream);
    }

    /// <summary>
    /// The Statistics Finland mapping CSVs: cp1252, ';'-separated, codes quoted as <c>"'020'"</c>. Only rows with
    /// four columns and a quoted code are data (the header lines are skipped, as the original loader does).
    /// </summary>
    public static IEnumerable<string[]> Cp1252Rows(string fileName)
    {
        using var reader = new StreamReader(Open(fileName), Encoding.GetEncoding(1252));
        while (reader.ReadLine() is { } line)
        {
            var cells = line.Split(';').Select(Unquote).ToArray();
            if (cells.Length >= 3 && cells[0].Length > 0 && cells[0].All(char.IsAsciiDigit))
                yield return cells;
        }
    }

    private static string Unquote(string cell) => cell.Trim().Trim('"').Trim('\'');
}
