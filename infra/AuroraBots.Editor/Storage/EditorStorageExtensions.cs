using AuroraBots.Platform;
using AuroraBots.Platform.Storage;
using AuroraBots.Editor.Audit;
using AuroraBots.Editor.Coverage;
using AuroraBots.Editor.Publishing;
using AuroraBots.Editor.Reviews;
using AuroraBots.Editor.Users;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AuroraBots.Editor.Storage;

public static class EditorStorageExtensions
{
    /// <summary>
    /// Drafts, versions, audit log, translation history, users and reviews: in files under <c>Editor:DataPath</c> (one
    /// instance), or, when Redis is configured, in Redis shared by every instance, with <see cref="RedisLivePublisher"/>
    /// and <see cref="LiveVersionSync"/> making every host serve the published version.
    /// </summary>
    public static IServiceCollection AddEditorStorage(this IServiceCollection services, EditorOptions options)
    {
        if (options.LiveCheckInterval <= TimeSpan.Zero) throw new InvalidOperationException("Editor:LiveCheckInterval must be positive (e.g. 00:00:30).");
        // The platform's one storage switch (ConnectionStrings:Redis) and connection; the editor only adds its key prefix.
        services.AddPlatformStorage();
        services.TryAddSingleton(sp => new RedisEditorConnection(sp.GetRequiredService<SharedRedis>(), options.RedisKeyPrefix));
        services.TryAddSingleton<LiveFolder>();
        services.TryAddSingleton(sp => new RedisEditorStore(
            sp.GetRequiredService<RedisEditorConnection>(), sp.GetRequiredService<EditorPathsOptions>().DataPath,
            sp.GetRequiredService<EditorPathsOptions>().LivePath, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<LiveVersionSync>();
        services.TryAddSingleton<FolderImport>();
        services.TryAddSingleton<FolderImportCheck>();
        services.TryAddSingleton<RedisLivePublisher>();

        services.TryAddSingleton<IEditorStore>(sp => UsesRedis(sp)
            ? sp.GetRequiredService<RedisEditorStore>()
            : new FileEditorStore(sp.GetRequiredService<EditorPathsOptions>().DataPath, sp.GetRequiredService<EditorPathsOptions>().LivePath, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => UsesRedis(sp)
            ? new AuditLog(new RedisAuditStore(sp.GetRequiredService<RedisEditorConnection>()), sp.GetRequiredService<TimeProvider>())
            : new AuditLog(sp.GetRequiredService<EditorPathsOptions>().DataPath, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => UsesRedis(sp)
            ? new TranslationHistory(new RedisTranslationHistoryStore(sp.GetRequiredService<RedisEditorConnection>()), sp.GetRequiredService<TimeProvider>(), sp.GetService<Languages>())
            : new TranslationHistory(sp.GetRequiredService<EditorPathsOptions>().DataPath, sp.GetRequiredService<TimeProvider>(), sp.GetService<Languages>()));
        services.TryAddSingleton(sp => Records(sp, "users", EditorJsonContext.Default.ManagedUser, EditorJsonContext.Default.ListManagedUser, ManagedUser.KeyOf));
        services.TryAddSingleton(sp => Records(sp, "stamps", EditorJsonContext.Default.UserStamp, EditorJsonContext.Default.ListUserStamp, Security.UserStamp.KeyOf));
        services.TryAddSingleton(sp => Records(sp, "reviews", EditorJsonContext.Default.Review, EditorJsonContext.Default.ListReview, r => r.Id));
        services.TryAddSingleton<ILivePublisher>(sp => UsesRedis(sp) ? sp.GetRequiredService<RedisLivePublisher>() : new LocalLivePublisher(sp.GetRequiredService<LiveFolder>()));
        services.AddHostedService<LiveVersionSyncHost>();
        return services;
    }

    private static bool UsesRedis(IServiceProvider services) => services.UsesRedis();

    /// <summary>Small keyed records (users, reviews): <c>DataPath/{name}.json</c>, or the Redis hash <c>{prefix}editor:{name}</c>.</summary>
    private static IRecordStore<T> Records<T>(IServiceProvider services, string name, JsonTypeInfo<T> one, JsonTypeInfo<List<T>> list, Func<T, string> keyOf) =>
        UsesRedis(services)
            ? new RedisRecordStore<T>(services.GetRequiredService<RedisEditorConnection>(), name, one, keyOf)
            : new FileRecordStore<T>(Path.Combine(services.GetRequiredService<EditorPathsOptions>().DataPath, name + ".json"), list, keyOf);

    /// <summary>
    /// Runs <see cref="LiveVersionSync"/> with Redis, <see cref="FolderImportCheck"/> with files: either way the live folder
    /// is checked for changes made outside the editor.
    /// </summary>
    private sealed class LiveVersionSyncHost(IServiceProvider services) : Microsoft.Extensions.Hosting.IHostedService
    {
        private Microsoft.Extensions.Hosting.IHostedService Check => UsesRedis(services)
            ? services.GetRequiredService<LiveVersionSync>()
            : services.GetRequiredService<FolderImportCheck>();

        public Task StartAsync(CancellationToken cancellationToken) => Check.StartAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Check.StopAsync(cancellationToken);
    }
}
