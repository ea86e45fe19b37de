using System.Text;

namespace AuroraBots.Network.Catalogue;

/// <summary>RFC 4180 CSV: comma-separated, double-quoted fields may hold commas, quotes ("") and line breaks.</summary>
internal static class CsvReader
{
    public static IEnumerable<Dictionary<string, string>> ReadRecords(TextReader reader)
    {
        string[]? header = null;
        foreach (var row in ReadRows(reader))
        {
            if (header is null) { header = row; continue; }
            if (row.Length == 1 && row[0].Length == 0) continue;
            var record = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
                record[header[i]] = i < row.Length ? row[i] : "";
            yield return record;
        }
    }

    public static IEnumerable<string[]> ReadRows(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch != '"') { field.Append(ch); continue; }
                if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                else inQuotes = false;
                continue;
            }
            switch (ch)
            {
                case '"': inQuotes = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear();
                    yield return fields.ToArray();
                    fields.Clear();
                    break;
                default: field.Append(ch); break;
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields.ToArray();
        }
    }
}
