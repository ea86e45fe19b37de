using AuroraBots.Editor.Localisation;
using AuroraBots.Platform.Security;
using System.Security.Claims;
using AuroraBots.Editor.Audit;
using AuroraBots.Editor.Security;
using AuroraBots.Editor.Storage;
using AuroraBots.Editor.Users;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AuroraBots.Editor.Apis;

/// <summary>
/// <c>/editor/api/users</c> (admin): list everyone who may sign in; add, change and remove the users kept by the editor.
/// Users from configuration are shown but can only be changed there.
/// </summary>
public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").RequireAuthorization(EditorRoles.AdminPolicy);
        users.MapGet("", ListAsync);
        users.MapPost("", AddAsync);
        users.MapPut("/{name}", ChangeAsync);
        users.MapDelete("/{name}", RemoveAsync);
        return api;
    }

    public static async Task<Ok<IReadOnlyList<EditorUserInfo>>> ListAsync(EditorUserDirectory directory, CancellationToken cancellationToken) =>
        TypedResults.Ok(await directory.ListAsync(cancellationToken));

    public static async Task<Results<Created<EditorUserInfo>, Microsoft.AspNetCore.Http.HttpResults.ValidationProblem, Conflict<EditorMessageResponse>>> AddAsync(
        NewUserRequest request, ClaimsPrincipal admin, EditorUserDirectory directory, IRecordStore<ManagedUser> store, SecurityStamps stamps, AuditLog audit,
        TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        if (Problems(new NewUserValidator().Validate(request)) is { } invalid) return invalid;
        var name = request.Name!;
        if (await directory.FindAsync(name, cancellationToken) is not null)
            return TypedResults.Conflict(Refusals.Message(http, "user.exists", ("name", name)));
        var user = new ManagedUser(name, PasswordHashes.Hash(request.Password!), [.. request.Roles!.Distinct()], time.GetUtcNow(), NameOf(admin));
        await stamps.RenewAsync(name, cancellationToken); // a re-added name never revives an old session
        await store.SaveAsync(user, cancellationToken);
        await audit.AppendAsync(NameOf(admin), UserAuditActions.Add, name, true, $"roles {string.Join(",", user.Roles)}", cancellationToken);
        return TypedResults.Created($"/editor/api/users/{Uri.EscapeDataString(name)}", new EditorUserInfo(name, user.Roles, UserSources.Editor, user.Changed, user.ChangedBy));
    }

    public static async Task<Results<Ok<EditorUserInfo>, Microsoft.AspNetCore.Http.HttpResults.ValidationProblem, NotFound<EditorMessageResponse>, Conflict<EditorMessageResponse>>> ChangeAsync(
        string name, ChangeUserRequest request, ClaimsPrincipal admin, EditorUserDirectory directory, IRecordStore<ManagedUser> store, SecurityStamps stamps,
        AuditLog audit, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        if (Problems(new ChangeUserValidator().Validate(request)) is { } invalid) return invalid;
        var (stored, refusal) = await FindManagedAsync(name, directory, store, http, cancellationToken);
        if (refusal is not null) return refusal;
        if (stored is null) return TypedResults.NotFound(Refusals.Message(http, "user.notFound", ("name", name)));
        // An admin demoting themselves could leave nobody able to manage users.
        if (IsSelf(admin, name) && request.Roles is not null && !request.Roles.Contains(EditorRoles.Admin))
            return TypedResults.Conflict(Refusals.Message(http, "user.ownAdmin"));

        var changed = stored with
        {
            PasswordHash = request.Password is null ? stored.PasswordHash : PasswordHashes.Hash(request.Password),
            Roles = request.Roles is null ? stored.Roles : [.. request.Roles.Distinct()],
            Changed = time.GetUtcNow(),
            ChangedBy = NameOf(admin),
        };
        await store.SaveAsync(changed, cancellationToken);
        // A password reset or a role change ends the user's sessions; they sign in again with what now applies.
        if (request.Password is not null || !changed.Roles.Order().SequenceEqual(stored.Roles.Order())) await stamps.RenewAsync(stored.Name, cancellationToken);
        var what = string.Join("; ", new[] { request.Roles is null ? null : $"roles {string.Join(",", changed.Roles)}", request.Password is null ? null : "password reset" }.OfType<string>());
        await audit.AppendAsync(NameOf(admin), UserAuditActions.Change, stored.Name, true, what, cancellationToken);
        return TypedResults.Ok(new EditorUserInfo(changed.Name, changed.Roles, UserSources.Editor, changed.Changed, changed.ChangedBy));
    }

    public static async Task<Results<NoContent, NotFound<EditorMessageResponse>, Conflict<EditorMessageResponse>>> RemoveAsync(
        string name, ClaimsPrincipal admin, EditorUserDirectory directory, IRecordStore<ManagedUser> store, SecurityStamps stamps, AuditLog audit,
        HttpContext http, CancellationToken cancellationToken)
    {
        if (IsSelf(admin, name)) return TypedResults.Conflict(Refusals.Message(http, "user.self"));
        var (stored, refusal) = await FindManagedAsync(name, directory, store, http, cancellationToken);
        if (refusal is not null) return refusal;
        if (stored is null || !await store.RemoveAsync(ManagedUser.KeyOf(stored), cancellationToken)) return TypedResults.NotFound(Refusals.Message(http, "user.notFound", ("name", name)));
        await stamps.RenewAsync(stored.Name, cancellationToken);
        await audit.AppendAsync(NameOf(admin), UserAuditActions.Remove, stored.Name, true, null, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<(ManagedUser? User, Conflict<EditorMessageResponse>? Refusal)> FindManagedAsync(
        string name, EditorUserDirectory directory, IRecordStore<ManagedUser> store, HttpContext http, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(name, cancellationToken) is { Source: UserSources.Configuration })
            return (null, TypedResults.Conflict(Refusals.Message(http, "user.fromConfiguration", ("name", name))));
        var stored = (await store.ListAsync(cancellationToken)).FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase));
        return (stored, null);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem? Problems(FluentValidation.Results.ValidationResult result) =>
        result.IsValid ? null : TypedResults.ValidationProblem(result.Errors
            .GroupBy(e => e.PropertyName.Length == 0 ? "request" : char.ToLowerInvariant(e.PropertyName[0]) + e.PropertyName[1..])
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()));

    private static string NameOf(ClaimsPrincipal user) => user.Identity?.Name ?? "?";

    private static bool IsSelf(ClaimsPrincipal user, string name) => string.Equals(user.Identity?.Name, name, StringComparison.OrdinalIgnoreCase);
}


public static class UserAuditActions
{
    public const string Add = "user-add";
    public const string Change = "user-change";
    public const string Remove = "user-remove";
}
