using AuroraBots.Dialogs.Conditions;
using AuroraBots.Dialogs.Content;
using FluentValidation;
using FluentValidation.Results;

namespace AuroraBots.Dialogs.Validation;

/// <summary>Reusable checks: translations, placeholders, storage targets, conditions.</summary>
internal static class TextRules
{
    /// <summary>Every language present, no untranslated single string, known text references, valid placeholders.</summary>
    public static void CheckText<T>(LocalizedText? text, ValidationContext<T> context, ValidationScope scope)
    {
        if (text is null) return;
        var path = context.PropertyPath;
        if (text.Reference is { } key)
        {
            if (!scope.TextExists(key)) context.AddFailure(new ValidationFailure(path, $"unknown text '@{key}'"));
            return;
        }
        if (text.ByLanguage.ContainsKey(LocalizedTextConverter.AnyLanguage))
        {
            context.AddFailure(new ValidationFailure(path, $"a text needs one entry per language ({string.Join(", ", scope.Languages)}) or \"@key\""));
            return;
        }
        foreach (var language in scope.Languages)
            if (!text.ByLanguage.TryGetValue(language, out var value) || string.IsNullOrWhiteSpace(value))
                context.AddFailure(new ValidationFailure($"{path}.{language}", "missing translation"));
        foreach (var language in text.ByLanguage.Keys.Where(l => !scope.Platform.IsSupported(l)))
            context.AddFailure(new ValidationFailure($"{path}.{language}", $"unknown language (use {scope.PlatformList})"));
        foreach (var (language, value) in text.ByLanguage)
            CheckPlaceholders(value, $"{path}.{language}", context);
    }

    public static void CheckPlaceholders<T>(string? value, string path, ValidationContext<T> context)
    {
        if (value is null) return;
        foreach (var placeholder in Placeholders.Find(value))
            if (Placeholders.Check(placeholder) is { } problem)
                context.AddFailure(new ValidationFailure(path, problem));
    }

    /// <summary>A <c>save:</c> or <c>set:</c> target: <c>attr.&lt;schema attribute&gt;</c>, <c>var.&lt;name&gt;</c> or <c>conv.language</c>.</summary>
    public static string? CheckTarget(string target)
    {
        if (target == "conv.language") return null;
        if (target.StartsWith("attr.", StringComparison.Ordinal))
            return AttributeSchema.IsAttribute(target[5..]) ? null : $"'{target[5..]}' is not an AuroraAI attribute (age, municipality_code, life_situation_meters.<meter>)";
        if (target.StartsWith("var.", StringComparison.Ordinal))
            return IsName(target[4..]) ? null : $"'{target}' is not a valid variable name";
        return $"'{target}' must start with attr., var. or be conv.language";
    }

    public static string? CheckCondition(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "a condition is required";
        Condition condition;
        try { condition = ConditionParser.Parse(text); }
        catch (ConditionSyntaxException ex) { return "bad condition: " + ex.Message; }
        foreach (var name in condition.References())
        {
            if (name == "conv.language" || (name.StartsWith("var.", StringComparison.Ordinal) && name.Length > 4)) continue;
            if (name.StartsWith("attr.", StringComparison.Ordinal))
            {
                if (!AttributeSchema.IsAttribute(name[5..])) return $"bad condition: '{name[5..]}' is not an AuroraAI attribute";
                continue;
            }
            return $"bad condition: unknown name '{name}' (use attr.…, var.… or conv.language)";
        }
        return null;
    }

    public static bool IsName(string? id) =>
        !string.IsNullOrEmpty(id) && char.IsAsciiLetterLower(id[0]) && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}
