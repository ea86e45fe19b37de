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
            if (!scope.TextExists(key)) context.AddFailure(ProblemRules.At(path, "unknownText", ("key", key)));
            return;
        }
        if (text.ByLanguage.ContainsKey(LocalizedTextConverter.AnyLanguage))
        {
            context.AddFailure(ProblemRules.At(path, "textPerLanguage", ("languages", string.Join(", ", scope.Languages))));
            return;
        }
        foreach (var language in scope.Languages)
            if (!text.ByLanguage.TryGetValue(language, out var value) || string.IsNullOrWhiteSpace(value))
                context.AddFailure(ProblemRules.At($"{path}.{language}", "missingTranslation"));
        foreach (var language in text.ByLanguage.Keys.Where(l => !scope.Platform.IsSupported(l)))
            context.AddFailure(ProblemRules.At($"{path}.{language}", "unknownLanguage", ("value", language), ("languages", scope.PlatformList)));
        foreach (var (language, value) in text.ByLanguage)
            CheckPlaceholders(value, $"{path}.{language}", context);
    }

    public static void CheckPlaceholders<T>(string? value, string path, ValidationContext<T> context)
    {
        if (value is null) return;
        foreach (var placeholder in Placeholders.Find(value))
            if (Placeholders.Problem(placeholder) is { } problem)
                context.AddFailure(ProblemRules.At(path, problem));
    }

    /// <summary>A <c>save:</c> or <c>set:</c> target: <c>attr.&lt;schema attribute&gt;</c>, <c>var.&lt;name&gt;</c> or <c>conv.language</c>.</summary>
    public static ContentProblem? CheckTarget(string target)
    {
        if (target == "conv.language") return null;
        if (target.StartsWith("attr.", StringComparison.Ordinal))
            return AttributeSchema.IsAttribute(target[5..]) ? null : ContentProblem.Of("notSaveAttribute", ("value", target[5..]));
        if (target.StartsWith("var.", StringComparison.Ordinal))
            return IsName(target[4..]) ? null : ContentProblem.Of("invalidVariable", ("value", target));
        return ContentProblem.Of("badTarget", ("value", target));
    }

    public static ContentProblem? CheckCondition(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return ContentProblem.Of("conditionRequired");
        Condition condition;
        try { condition = ConditionParser.Parse(text); }
        catch (ConditionSyntaxException ex) { return ContentProblem.Of("badCondition", ("detail", ex.Message)); }
        foreach (var name in condition.References())
        {
            if (name == "conv.language" || (name.StartsWith("var.", StringComparison.Ordinal) && name.Length > 4)) continue;
            if (name.StartsWith("attr.", StringComparison.Ordinal))
            {
                if (!AttributeSchema.IsAttribute(name[5..])) return ContentProblem.Of("conditionAttribute", ("value", name[5..]));
                continue;
            }
            return ContentProblem.Of("conditionName", ("value", name));
        }
        return null;
    }

    public static bool IsName(string? id) =>
        !string.IsNullOrEmpty(id) && char.IsAsciiLetterLower(id[0]) && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}
