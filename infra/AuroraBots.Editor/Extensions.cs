using AuroraBots.Platform.Security;
using AuroraBots.Dialogs;
using AuroraBots.Editor.Apis;
using AuroraBots.Editor.Preview;
using AuroraBots.Editor.Reviews;
using AuroraBots.Editor.Security;
using AuroraBots.Editor.Storage;
using AuroraBots.Editor.Transcripts;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace AuroraBots.Editor;

public static class EditorExtensions
{
    /// <summary>
    /// The content editor's backend: cookie sign-in against <c>Editor:Users</c>, role policies, the file store under
    /// <c>Editor:DataPath</c>, publishing into <c>Editor:LivePath</c> (default: the engine's <c>Dialogs:Path</c>).
    /// Needs <c>AddAuroraDialogs</c> (validation uses the engine's loader).
    /// </summary>
    public static IServiceCollection AddAuroraEditor(this IServiceCollection services, IConfiguration editorSection)
    {
        var options = editorSection.Get<EditorOptions>() ?? new EditorOptions();
        foreach (var user in options.Users)
        {
            if (string.IsNullOrWhiteSpace(user.Name) || !user.PasswordHash.StartsWith("pbkdf2-sha256$", StringComparison.Ordinal))
                throw new InvalidOperationException($"Editor:Users: user '{user.Name}' needs a Name and a PasswordHash from PasswordHashes.Hash (clear-text passwords are not accepted).");
            if (user.Roles.FirstOrDefault(r => !EditorRoles.All.Contains(r)) is { } unknown)
                throw new InvalidOperationException($"Editor:Users: user '{user.Name}' has unknown role '{unknown}' (use {string.Join(", ", EditorRoles.All)}).");
        }
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var contentRoot = sp.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
            var live = options.LivePath is { Length: > 0 } configured
                ? Path.GetFullPath(configured, contentRoot)
                : DialogsServiceCollectionExtensions.ResolvePath(sp.GetService<DialogsOptions>() ?? new DialogsOptions(), contentRoot);
            var data = Path.GetFullPath(options.DataPath, contentRoot);
            // Drafts inside the served folder would be served (or reload it on every save); the reverse would version the drafts.
            if (IsSameOrInside(data, live) || IsSameOrInside(live, data))
                throw new InvalidOperationException($"Editor:DataPath ({data}) and the live bots content folder ({live}) must not contain each other.");
            return new EditorPathsOptions(data, live);
        });
        services.TryAddSingleton<EditorUserDirectory>();
        services.TryAddSingleton<SecurityStamps>();
        services.TryAddSingleton<SignInThrottle>();
        services.AddEditorStorage(options); // files, or Redis + publishing to every host (Storage/EditorStorageExtensions.cs)
        if (options.TestsBeforePublish) services.TryAddSingleton<ReleaseTests>();
        services.TryAddSingleton<EditorService>();
        services.TryAddSingleton<ReviewService>();
        services.AddHostedService<EditorStartupCheck>();
        services.AddEditorPreview(); // preview on the draft (routes draft.* Direct Line bots), transcript runs, live validation

        services.AddPlatformDataProtection(); // one key ring for every instance (Redis when configured): cookies valid everywhere
        services.AddAuthentication().AddCookie(EditorRoles.Scheme, cookie => SessionCookie.Configure(cookie, "AuroraEditor", "/editor", options.SessionLifetime));
        services.AddAuthorizationBuilder()
            .AddPolicy(EditorRoles.EditorPolicy, p => p.AddAuthenticationSchemes(EditorRoles.Scheme).RequireAuthenticatedUser().RequireRole(EditorRoles.AtLeast(EditorRoles.Editor)))
            .AddPolicy(EditorRoles.PublisherPolicy, p => p.AddAuthenticationSchemes(EditorRoles.Scheme).RequireAuthenticatedUser().RequireRole(EditorRoles.AtLeast(EditorRoles.Publisher)))
            .AddPolicy(EditorRoles.AdminPolicy, p => p.AddAuthenticationSchemes(EditorRoles.Scheme).RequireAuthenticatedUser().RequireRole(EditorRoles.AtLeast(EditorRoles.Admin)));
        return services;
    }

    private static bool IsSameOrInside(string path, string folder)
    {
        var a = Path.TrimEndingDirectorySeparator(path) + Path.DirectorySeparatorChar;
        var b = Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar;
        return a.StartsWith(b, StringComparison.Ordinal);
    }

    /// <summary>Maps <c>/editor/api/…</c>; everything but signing in needs at least the editor role.</summary>
    public static RouteGroupBuilder MapAuroraEditor(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/editor/api").RequireAuthorization(EditorRoles.EditorPolicy);
        api.AddEndpointFilter<RedisUnavailableFilter>(); // Redis down: 503 {message}, never a crash
        api.MapSessionApi();
        api.MapFilesApi();
        api.MapVersionsApi();
        api.MapDraftChangesApi(); // "what will this publish": the draft against the live version
        api.MapStatusApi(); // store, live version, instances, review and test settings
        api.MapAuditApi();
        api.MapUsersApi();
        api.MapMunicipalitiesApi();
        api.MapSchemaApi(); // the flow JSON Schema for the step form
        api.MapReviewsApi();
        api.MapCoverageApi();
        api.MapPreviewApi();
        api.MapTestsApi();
        api.MapValidateApi();
        endpoints.MapEditorApp(); // the web app at /editor (public page; its data needs the cookie)
        return api;
    }
}
