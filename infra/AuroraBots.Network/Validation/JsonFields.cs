using System.Text.Json;

namespace AuroraBots.Network.Validation;

/// <summary>
/// Reads one JSON object the way the original's marshmallow schemas do: unknown fields are errors, booleans and
/// integers are strict (no strings, no 1.0, no null), lists must be lists. Each accessor records its own errors.
/// </summary>
public sealed class JsonFields
{
    public const string UnknownField = "Unknown field.";
    public const string Missing = "Missing data for required field.";
    public const string NotNull = "Field may not be null.";
    public const string NotInteger = "Not a valid integer.";
    public const string NotBoolean = "boolean field must be true or false";
    public const string NotString = "Not a valid string.";
    public const string NotList = "Not a valid list.";
    public const string NotMapping = "Not a valid mapping type.";
    public const string NotUuid = "Not a valid UUID.";

    private readonly JsonElement _object;

    public JsonFields(JsonElement obj, ValidationErrors errors, params string[] known)
    {
        _object = obj;
        Errors = errors;
        foreach (var property in obj.EnumerateObject())
            if (!known.Contains(property.Name)) errors.Add(property.Name, UnknownField);
    }

    public ValidationErrors Errors { get; }

    public bool Has(string name) => _object.TryGetProperty(name, out _);

    public JsonElement? Raw(string name) => _object.TryGetProperty(name, out var value) ? value : null;

    public int? Integer(string name, int? min = null, int? max = null, bool required = false, string? rangeMessage = null)
    {
        if (!Present(name, required, out var value)) return null;
        if (!TryStrictInt(value, out var number)) { Errors.Add(name, NotInteger); return null; }
        if ((min is not null && number < min) || (max is not null && number > max))
        {
            Errors.Add(name, rangeMessage ?? RangeMessage(min, max));
            return null;
        }
        return (int)number;
    }

    public long? Long(string name, long? min = null, bool required = false)
    {
        if (!Present(name, required, out var value)) return null;
        if (!TryStrictInt(value, out var number)) { Errors.Add(name, NotInteger); return null; }
        if (min is not null && number < min) { Errors.Add(name, $"Must be greater than or equal to {min}."); return null; }
        return number;
    }

    public bool? Boolean(string name)
    {
        if (!Present(name, false, out var value)) return null;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        Errors.Add(name, NotBoolean);
        return null;
    }

    public string? String(string name, int? minLength = null, int? maxLength = null, bool required = false)
    {
        if (!Present(name, required, out var value)) return null;
        if (value.ValueKind != JsonValueKind.String) { Errors.Add(name, NotString); return null; }
        var text = value.GetString()!;
        var length = text.EnumerateRunes().Count(); // Python len() counts code points
        if ((minLength is not null && length < minLength) || (maxLength is not null && length > maxLength))
        {
            Errors.Add(name, $"Length must be between {minLength ?? 0} and {maxLength}.");
            return null;
        }
        return text;
    }

    public string? Uuid(string name, bool required = false)
    {
        var text = String(name, required: required);
        if (text is null) return null;
        if (Uuid4.IsCanonical(text)) return text;
        Errors.Add(name, NotUuid);
        return null;
    }

    /// <summary>A list of strings with ≥ 1 item, each accepted by <paramref name="valid"/>.</summary>
    public HashSet<string>? StringList(string name, Func<string, bool> valid, Func<string, string> invalidMessage)
    {
        if (!Present(name, false, out var value)) return null;
        if (value.ValueKind != JsonValueKind.Array) { Errors.Add(name, NotList); return null; }
        if (value.GetArrayLength() == 0) { Errors.Add(name, "Shorter than minimum length 1."); return null; }
        var result = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) Errors.Child(name).Add(index, NotString);
            else if (!valid(item.GetString()!)) Errors.Child(name).Add(index, invalidMessage(item.GetString()!));
            else result.Add(item.GetString()!);
            index++;
        }
        return result;
    }

    public JsonElement? Object(string name, bool required = false)
    {
        if (!Present(name, required, out var value)) return null;
        if (value.ValueKind == JsonValueKind.Object) return value;
        Errors.Add(name, NotMapping);
        return null;
    }

    public JsonElement? Array(string name, bool required = false)
    {
        if (!Present(name, required, out var value)) return null;
        if (value.ValueKind == JsonValueKind.Array) return value;
        Errors.Add(name, NotList);
        return null;
    }

    public static bool TryStrictInt(JsonElement value, out long number)
    {
        number = 0;
        if (value.ValueKind != JsonValueKind.Number) return false;
        var raw = value.GetRawText();
        return raw.IndexOfAny(['.', 'e', 'E']) < 0 && value.TryGetInt64(out number);
    }

    public static string RangeMessage(long? min, long? max) => (min, max) switch
    {
        ({ } lo, { } hi) => $"Must be greater than or equal to {lo} and less than or equal to {hi}.",
        ({ } lo, null) => $"Must be greater than or equal to {lo}.",
        (null, { } hi) => $"Must be less than or equal to {hi}.",
        _ => "Invalid value.",
    };

    private bool Present(string name, bool required, out JsonElement value)
    {
        if (!_object.TryGetProperty(name, out value))
        {
            if (required) Errors.Add(name, Missing);
            return false;
        }
        if (value.ValueKind == JsonValueKind.Null) { Errors.Add(name, NotNull); return false; }
        return true;
    }
}
