using AuroraBots.Editor.Security;
using FluentValidation;

namespace AuroraBots.Editor.Users;

public sealed record NewUserRequest(string? Name, string? Password, IReadOnlyList<string>? Roles);

public sealed record ChangeUserRequest(string? Password, IReadOnlyList<string>? Roles);

/// <summary>The rules for names, passwords and roles, shared by adding and changing a user.</summary>
internal static class UserRules
{
    public const int MinimumPasswordLength = 12;

    public static IRuleBuilderOptions<T, string?> ValidPassword<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(p => p is { Length: >= MinimumPasswordLength } && p.Length <= 200)
            .WithMessage($"The password needs at least {MinimumPasswordLength} characters (at most 200).");

    public static IRuleBuilderOptions<T, IReadOnlyList<string>?> ValidRoles<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) =>
        rule.Must(r => r is { Count: > 0 } && r.All(EditorRoles.All.Contains))
            .WithMessage($"Give one or more roles of: {string.Join(", ", EditorRoles.All)}.");
}

internal sealed class NewUserValidator : AbstractValidator<NewUserRequest>
{
    public NewUserValidator()
    {
        RuleFor(r => r.Name).NotEmpty().WithMessage("A name is required.")
            .Matches("^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$").WithMessage("A name has 2–64 letters a–z, digits, '.', '_', '@' or '-', starting with a letter or digit.");
        RuleFor(r => r.Password).ValidPassword();
        RuleFor(r => r.Roles).ValidRoles();
    }
}

internal sealed class ChangeUserValidator : AbstractValidator<ChangeUserRequest>
{
    public ChangeUserValidator()
    {
        RuleFor(r => r).Must(r => r.Password is not null || r.Roles is not null).WithMessage("Give a new password, new roles, or both.").OverridePropertyName("");
        RuleFor(r => r.Password).ValidPassword().When(r => r.Password is not null);
        RuleFor(r => r.Roles).ValidRoles().When(r => r.Roles is not null);
    }
}
