using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace AuroraBots.Dialogs.Content;

/// <summary>A YAML text breaks one of the <see cref="YamlLimits"/>; a <see cref="YamlException"/> so callers report it like a syntax error.</summary>
public sealed class YamlLimitException(Mark at, string message) : YamlException(at, at, message);

/// <summary>
/// The one way to read untrusted YAML (content files, editor drafts, transcript tests): the text is first walked as
/// a flat event stream — which needs no recursion and no alias expansion — and refused when it breaks a
/// <see cref="YamlLimits"/>; only then is it deserialized or loaded into nodes. Cancellation is honoured while walking.
/// </summary>
public static partial class SafeYaml
{
    /// <summary>Deserializes <paramref name="text"/> after <see cref="Check"/>; throws <see cref="YamlException"/> on bad or oversized YAML.</summary>
    public static T? Deserialize<T>(IDeserializer deserializer, string text, YamlLimits? limits = null, CancellationToken cancellationToken = default)
    {
        Check(text, limits, cancellationToken);
        return deserializer.Deserialize<T?>(text);
    }

    /// <summary>The first document's root node, or null for an empty text; throws <see cref="YamlException"/> on bad or oversized YAML.</summary>
    public static YamlNode? LoadRoot(string text, YamlLimits? limits = null, CancellationToken cancellationToken = default)
    {
        Check(text, limits, cancellationToken);
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
    }

    /// <summary>Reads a file, refusing one larger than <see cref="YamlLimits.MaxBytes"/> before reading it.</summary>
    public static string ReadFile(string path, YamlLimits? limits = null)
    {
        limits ??= YamlLimits.Default;
        var length = new FileInfo(path).Length;
        if (length > limits.MaxBytes) throw new YamlLimitException(Mark.Empty, $"the file is {length} bytes; at most {limits.MaxBytes} are allowed");
        return File.ReadAllText(path);
    }

    /// <summary>Throws <see cref="YamlLimitException"/> when the text breaks a limit, <see cref="YamlException"/> when it does not parse.</summary>
    public static void Check(string text, YamlLimits? limits = null, CancellationToken cancellationToken = default)
    {
        limits ??= YamlLimits.Default;
        // A UTF-8 character is at most 3 bytes per UTF-16 unit, so short texts skip the exact count.
        if (text.Length * 3L > limits.MaxBytes && Encoding.UTF8.GetByteCount(text) is var bytes && bytes > limits.MaxBytes)
            throw new YamlLimitException(Mark.Empty, $"the file is {bytes} bytes; at most {limits.MaxBytes} are allowed");

        var parser = new Parser(new StringReader(text));
        // Open collections with their expanded size so far, and the expanded size of every anchored node.
        var open = new Stack<(string? Anchor, long Size)>();
        var anchors = new Dictionary<string, long>(StringComparer.Ordinal);
        long nodes = 0;
        var aliases = 0;
        while (parser.MoveNext())
        {
            if ((nodes & 0xFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            var current = parser.Current!;
            var added = current switch
            {
                AnchorAlias alias => ++aliases > limits.MaxAliases
                    ? throw new YamlLimitException(current.Start, $"more than {limits.MaxAliases} aliases")
                    : anchors.GetValueOrDefault(alias.Value.Value, 1),
                Scalar or SequenceStart or MappingStart => 1,
                _ => 0,
            };
            if (current is Scalar { Anchor.IsEmpty: false } scalar) anchors[scalar.Anchor.Value] = 1;
            if (current is SequenceEnd or MappingEnd)
            {
                var (anchor, size) = open.Pop();
                if (anchor is not null) anchors[anchor] = size;
                if (open.Count > 0) Grow(open, size);
            }
            else if (added > 0 && open.Count > 0 && current is not (SequenceStart or MappingStart)) Grow(open, added);
            if (current is NodeEvent { } start and (SequenceStart or MappingStart))
            {
                open.Push((start.Anchor.IsEmpty ? null : start.Anchor.Value, 1));
                if (open.Count > limits.MaxDepth)
                    throw new YamlLimitException(current.Start, $"nested deeper than {limits.MaxDepth} levels");
            }
            nodes += added;
            if (nodes > limits.MaxNodes)
                throw new YamlLimitException(current.Start, $"more than {limits.MaxNodes} values (aliases count as what they repeat)");
        }
    }

    private static void Grow(Stack<(string? Anchor, long Size)> open, long by)
    {
        var (anchor, size) = open.Pop();
        open.Push((anchor, size + by));
    }

    /// <summary>
    /// A YAML error as a content editor should read it: position-free and without .NET type names
    /// (YamlDotNet words its errors in terms of our classes).
    /// </summary>
    public static string Describe(YamlException ex)
    {
        if (ex is YamlLimitException) return ex.Message[(ex.Message.IndexOf("): ", StringComparison.Ordinal) is var at and >= 0 ? at + 3 : 0)..];
        var message = ex.InnerException?.Message ?? ex.Message;
        var notFound = NotFound().Match(message);
        if (notFound.Success) return $"unknown key '{notFound.Groups[1].Value}'";
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        message = cut > 0 && message.StartsWith('(') ? message[(cut + 3)..] : message;
        return TypeName().Replace(message, "a value of another kind");
    }

    [GeneratedRegex("Property '([^']+)' not found on type '([^']+)'")]
    private static partial Regex NotFound();

    // Namespace-qualified names (System.Int32, AuroraBots.Dialogs.Content.FlowDocument, generic forms included).
    [GeneratedRegex(@"'?\b(?:System|AuroraBots|YamlDotNet|Microsoft)(?:\.[\w`\[\], ]+)+'?")]
    private static partial Regex TypeName();
}
