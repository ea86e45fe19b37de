using AuroraBots.Platform;
using AuroraBots.Platform.Storage;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Options;
using AuroraBots.AuroraAI;
using AuroraBots.AuroraAI.Plugin;
using AuroraBots.Builder;
using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Dialogs.Handoff;
using AuroraBots.Dialogs.Nlu;
using AuroraBots.Dialogs.Plugins;
using AuroraBots.Dialogs.State;
using AuroraBots.Dialogs.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;

namespace AuroraBots.Dialogs;

public static class DialogsServiceCollectionExtensions
{
    /// <summary>
    /// The dialog engine as the host's <see cref="IBot"/> and <see cref="IBotCatalog"/>: content from
    /// <c>Dialogs:Path</c> (validated; the host fails to start on invalid content), state in
    /// an <see cref="IStateStorage"/> (Redis when <c>ConnectionStrings:Redis</c> is set, else memory), Semantic Kernel
    /// plugins from DI. Optional: <see cref="IAuroraAiClient"/> (recommend steps), <see cref="IHandoffService"/>,
    /// an <see cref="INluService"/> (default: the platform NLU, <see cref="AuroraBots.Nlu.NluEngine"/>).
    /// </summary>
    public static IServiceCollection AddAuroraDialogs(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DialogsOptions.SectionName).Get<DialogsOptions>() ?? new DialogsOptions();
        if (options.StateTtl <= TimeSpan.Zero) throw new InvalidOperationException("Dialogs:StateTtl must be positive (e.g. 00:30:00).");
        if (options.IntentThreshold is <= 0 or > 1 || options.ClarifyThreshold < 0 || options.ClarifyThreshold > options.IntentThreshold)
            throw new InvalidOperationException("Dialogs:IntentThreshold must be in (0, 1] and Dialogs:ClarifyThreshold in [0, IntentThreshold].");
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);

        // The platform's one storage switch and connection. Dialog state needs a version check (IStateStorage), so it
        // does not use IDistributedCache; the cache stays for small shared counters (e.g. the editor's sign-in throttle).
        services.AddPlatformStorage(configuration);
        services.AddPlatformLanguages(configuration);
        services.AddDistributedMemoryCache();
        services.Replace(ServiceDescriptor.Singleton<IDistributedCache>(sp => sp.UsesRedis()
            ? new RedisCache(Options.Create(new RedisCacheOptions
            {
                ConnectionMultiplexerFactory = () => sp.GetRequiredService<SharedRedis>().GetMultiplexerAsync(),
            }))
            : new MemoryDistributedCache(sp.GetRequiredService<IOptions<MemoryDistributedCacheOptions>>())));
        services.TryAddSingleton<IStateStorage>(sp => sp.UsesRedis()
            ? new RedisStateStorage(sp.GetRequiredService<SharedRedis>())
            : new InMemoryStateStorage(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ConversationStateStore>();
        services.TryAddSingleton<SiteContextSeeder>();

        services.AddAuroraPlugin<DateTimePlugin>();
        services.AddAuroraPlugin<TextPlugin>();
        var registrations = services;
        services.TryAddSingleton(sp => CreateKernel(sp, registrations));
        services.TryAddSingleton<IFlowActionCatalog, KernelActionCatalog>();
        services.TryAddSingleton(sp => new DialogContentValidator(sp.GetRequiredService<IFlowActionCatalog>(), sp.GetRequiredService<Languages>()));
        services.TryAddSingleton(options.Yaml);
        services.TryAddSingleton(sp => new DialogContentLoader(sp.GetRequiredService<DialogContentValidator>(), options.Yaml, sp.GetRequiredService<Languages>()));
        services.TryAddSingleton<INluService>(new NluEngineService(new AuroraBots.Nlu.NluOptions { AnalysisCacheSize = options.NluAnalysisCacheSize }));

        // Refuse invalid content right away (actions are checked again once plugins are known, at start-up).
        var path = ResolvePath(options, configuration[HostDefaults.ContentRootKey]);
        if (options.ValidateOnRegistration)
        {
            var languages = Languages.From(configuration);
            var early = new DialogContentLoader(new DialogContentValidator(languages: languages), options.Yaml, languages).Load(path);
            if (!early.IsValid) throw new InvalidDialogContentException(early.Errors);
        }

        services.TryAddSingleton(sp => new DialogContentProvider(
            path,
            sp.GetRequiredService<DialogContentLoader>(),
            sp.GetRequiredService<INluService>(),
            options.HotReload,
            sp.GetService<ILogger<DialogContentProvider>>() ?? NullLogger<DialogContentProvider>.Instance));
        services.TryAddSingleton<IDialogContent>(sp => sp.GetRequiredService<DialogContentProvider>());
        services.TryAddSingleton(sp => new EngineServices(
            options,
            sp.GetRequiredService<Kernel>(),
            sp.GetService<IAuroraAiClient>(),
            sp.GetService<IHandoffService>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger("AuroraBots.Dialogs") ?? NullLogger.Instance,
            sp.GetRequiredService<Languages>(),
            sp.GetService<LiveChat.ILiveChatService>()));
        services.TryAddSingleton<DialogEngine>();
        services.Replace(ServiceDescriptor.Singleton<IBot>(sp => sp.GetRequiredService<DialogEngine>()));
        services.Replace(ServiceDescriptor.Singleton<IBotCatalog, DialogBotCatalog>());
        // Load (and validate) at start-up, so a host with invalid content refuses to start.
        services.AddHostedService<DialogContentWarmup>();
        return services;
    }

    /// <summary>Registers <typeparamref name="T"/> as a flow plugin (<c>action: name.function</c>).</summary>
    public static IServiceCollection AddAuroraPlugin<T>(this IServiceCollection services, string? name = null) where T : class
    {
        name ??= typeof(T).GetCustomAttributes(typeof(AuroraPluginAttribute), false).OfType<AuroraPluginAttribute>().FirstOrDefault()?.Name
            ?? typeof(T).Name.Replace("Plugin", "", StringComparison.Ordinal).ToLowerInvariant();
        services.TryAddSingleton<T>();
        services.AddSingleton(sp => KernelPluginFactory.CreateFromObject(sp.GetRequiredService<T>(), name));
        return services;
    }

    /// <summary>Name under which flows call the AuroraAI client's functions (<c>action: auroraai.search_services</c>).</summary>
    public const string AuroraAiPluginName = "auroraai";

    /// <summary>The kernel: every <see cref="KernelPlugin"/> in DI, plus registered classes marked <see cref="AuroraPluginAttribute"/>.</summary>
    private static Kernel CreateKernel(IServiceProvider provider, IServiceCollection registrations)
    {
        var plugins = new KernelPluginCollection();
        foreach (var plugin in provider.GetServices<KernelPlugin>())
            if (!plugins.Contains(plugin.Name)) plugins.Add(plugin);
        // The AuroraAI client's plugin (registered by AddAuroraAiClient) as "auroraai".
        if (provider.GetService<AuroraAiPlugin>() is { } auroraAi && !plugins.Contains(AuroraAiPluginName))
            plugins.Add(KernelPluginFactory.CreateFromObject(auroraAi, AuroraAiPluginName));
        foreach (var descriptor in registrations)
        {
            var type = descriptor.ImplementationType ?? descriptor.ServiceType;
            if (descriptor.IsKeyedService || type.GetCustomAttributes(typeof(AuroraPluginAttribute), false).FirstOrDefault() is not AuroraPluginAttribute marker) continue;
            if (plugins.Contains(marker.Name)) continue;
            plugins.Add(KernelPluginFactory.CreateFromObject(provider.GetRequiredService(descriptor.ServiceType), marker.Name));
        }
        return new Kernel(provider, plugins);
    }

    /// <summary>
    /// <c>Dialogs:Path</c>, else the first <c>bots</c> folder with a <c>_shared</c> sub-folder found walking up from the content
    /// root or current directory (the marker keeps a stray folder named "bots" from being taken for the content).
    /// </summary>
    public static string ResolvePath(DialogsOptions options, string? contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(options.Path))
            return Path.GetFullPath(options.Path, contentRoot ?? Directory.GetCurrentDirectory());
        foreach (var start in new[] { contentRoot, Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "bots");
                if (Directory.Exists(Path.Combine(candidate, DialogContentLoader.SharedFolder))) return candidate;
            }
        }
        throw new InvalidOperationException("No 'bots' content folder (with _shared/) found; set Dialogs:Path.");
    }

    private sealed class DialogContentWarmup(IDialogContent content) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = content.Current;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
