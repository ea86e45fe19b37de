using System.Text;

namespace AuroraBots.Network.Validation;

/// <summary>
/// Marshmallow-style error tree: field → messages, or field → nested errors (list items keyed by index). Rendered
/// as the original's body, <c>Validation error in request data: {'limit': ['Must be …']}</c> (a Python dict repr).
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<object, object> _entries = [];

    public bool IsEmpty => _entries.Count == 0;

    public void Add(object key, string message)
    {
        if (!_entries.TryGetValue(key, out var existing)) _entries[key] = existing = new List<string>();
        if (existing is List<string> messages) messages.Add(message);
    }

    public ValidationErrors Child(object key)
    {
        if (_entries.TryGetValue(key, out var existing))
            // A field that already failed as a whole (e.g. "Not a valid mapping type.") keeps that message.
            return existing as ValidationErrors ?? new ValidationErrors();
        var child = new ValidationErrors();
        _entries[key] = child;
        return child;
    }

    /// <summary>Drops empty child nodes (created but never written to).</summary>
    private bool Prune()
    {
        foreach (var key in _entries.Keys.ToList())
            if (_entries[key] is ValidationErrors child && !child.Prune()) _entries.Remove(key);
        return _entries.Count > 0;
    }

    public bool HasErrors => Prune();

    public override string ToString()
    {
        Prune();
        var sb = new StringBuilder();
        Render(sb);
        return sb.ToString();
    }

    private void Render(StringBuilder sb)
    {
        sb.Append('{');
        var first = true;
        foreach (var (key, value) in _entries)
        {
            if (!first) sb.Append(", ");
            first = false;
            sb.Append(key is int i ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : Quote((string)key)).Append(": ");
            if (value is ValidationErrors child) child.Render(sb);
            else sb.Append('[').Append(string.Join(", ", ((List<string>)value).Select(Quote))).Append(']');
        }
        sb.Append('}');
    }

    private static string Quote(string s) => "'" + s.Replace("\\", "\\\\").Replace("'", "\\'") + "'";
}
