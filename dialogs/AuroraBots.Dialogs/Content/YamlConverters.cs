using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace AuroraBots.Dialogs.Content;

/// <summary>Reads a <see cref="LocalizedText"/>: <c>"@key"</c>, a plain string (same in every language), or a map by language.</summary>
internal sealed class LocalizedTextConverter : IYamlTypeConverter
{
    /// <summary>Language key under which a plain (untranslated) string is kept; the validator reports it.</summary>
    public const string AnyLanguage = "*";

    public bool Accepts(Type type) => type == typeof(LocalizedText);

    public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer) => Read(parser);

    public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
        throw new NotSupportedException("Content is read-only.");

    public static LocalizedText? Read(IParser parser)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            if (scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null") return null;
            return scalar.Value.StartsWith('@') ? LocalizedText.Ref(scalar.Value[1..]) : LocalizedText.Of(new Dictionary<string, string> { [AnyLanguage] = scalar.Value });
        }
        var start = parser.Current?.Start ?? Mark.Empty;
        if (!parser.TryConsume<MappingStart>(out _))
            throw new YamlException(start, parser.Current?.End ?? start, "expected a text: a map by language ({fi: …, sv: …, en: …}) or \"@key\"");
        var text = new LocalizedText();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = parser.Consume<Scalar>();
            var valueStart = parser.Current?.Start ?? Mark.Empty;
            if (!parser.TryConsume<Scalar>(out var value))
                throw new YamlException(valueStart, valueStart, $"the text for '{key.Value}' must be a string");
            text.ByLanguage[key.Value] = value.Value;
        }
        return text;
    }
}

/// <summary>Reads a suggestion: a text (map by language or "@key") or <c>{label: …, value: …}</c>.</summary>
internal sealed class SuggestionConverter : IYamlTypeConverter
{
    public bool Accepts(Type type) => type == typeof(SuggestionDefinition);

    public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
    {
        if (parser.Current is Scalar) return new SuggestionDefinition { Label = LocalizedTextConverter.Read(parser) };
        parser.Consume<MappingStart>();
        var suggestion = new SuggestionDefinition();
        var languages = new LocalizedText();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = parser.Consume<Scalar>();
            switch (key.Value)
            {
                case "label": suggestion.Label = LocalizedTextConverter.Read(parser); break;
                case "value": suggestion.Value = parser.Consume<Scalar>().Value; break;
                default: languages.ByLanguage[key.Value] = parser.Consume<Scalar>().Value; break;
            }
        }
        if (suggestion.Label is null && languages.ByLanguage.Count > 0) suggestion.Label = languages;
        return suggestion;
    }

    public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
        throw new NotSupportedException("Content is read-only.");
}
