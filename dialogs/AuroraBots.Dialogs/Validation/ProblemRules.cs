using System.Globalization;
using AuroraBots.Dialogs.Content;
using FluentValidation;
using FluentValidation.Results;

namespace AuroraBots.Dialogs.Validation;

/// <summary>
/// Gives FluentValidation failures a stable code (<see cref="ValidationFailure.ErrorCode"/>) and parameters
/// (<see cref="ValidationFailure.CustomState"/>), with the English text from <see cref="ContentProblems"/>.
/// </summary>
internal static class ProblemRules
{
    /// <summary>The failing rule reports <paramref name="code"/>; <c>{value}</c> is the property's value, plus <paramref name="args"/>.</summary>
    public static IRuleBuilderOptions<T, TProperty> Problem<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, string code,
        Func<T, TProperty, (string Name, object? Value)[]>? args = null)
    {
        ContentProblem Make(T instance, TProperty value) =>
            ContentProblem.Of(code, [("value", value is string or IFormattable ? value : null), .. args?.Invoke(instance, value) ?? []]);
        return rule.WithErrorCode(code).WithState((t, v) => Make(t, v)).WithMessage((t, v) => Make(t, v).Message);
    }

    /// <summary>A failure at <paramref name="path"/> for a custom rule.</summary>
    public static ValidationFailure At(string path, ContentProblem problem) =>
        new(path, problem.Message) { ErrorCode = problem.Code, CustomState = problem };

    public static ValidationFailure At(string path, string code, params (string Name, object? Value)[] args) =>
        At(path, ContentProblem.Of(code, args));

    public static string Invariant(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}
