using AuroraBots.Platform;
using AuroraBots.Platform.Storage;
using System.Security.Cryptography;
using AuroraBots.Dialogs.Handoff;
using AuroraBots.Handoff.Ledger;
using AuroraBots.Handoff.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace AuroraBots.Handoff;

public static class Extensions
{
    /// <summary>
    /// Consented hand-off: <see cref="IHandoffService"/>, the consent ledger (Redis when
    /// <c>ConnectionStrings:Redis</c> is set, memory otherwise), and the <c>consent</c> Semantic Kernel plugin.
    /// Needs <c>IAuroraAiClient</c> and <c>IBotCatalog</c> from the host.
    /// </summary>
    public static IServiceCollection AddAuroraHandoff(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(HandoffOptions.SectionName).Get<HandoffOptions>() ?? new HandoffOptions();
        HandoffOptionsValidator.ThrowIfInvalid(options, Platform.Languages.From(configuration));

        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => CreatePseudonymizer(options, sp.GetRequiredService<ILoggerFactory>()));

        services.AddPlatformStorage(configuration);
        services.AddSingleton(sp => new HandoffRedis(sp.GetRequiredService<SharedRedis>()));
        services.AddSingleton<InMemoryConsentLedger>();
        services.AddSingleton<IConsentLedger>(sp => sp.UsesRedis()
            ? new RedisConsentLedger(sp.GetRequiredService<HandoffRedis>(), options.RedisKeyPrefix, options.LedgerRetention)
            : sp.GetRequiredService<InMemoryConsentLedger>());

        // Both take the catalogue lazily: see LazyBotCatalog for the start-up cycle this avoids.
        services.AddSingleton(sp => new HandoffTargets(new LazyBotCatalog(sp), options));
        services.Replace(ServiceDescriptor.Singleton<IHandoffService, HandoffService>());
        services.AddHttpClient(NetworkRevocationNotifier.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(5));
        services.AddSingleton<IConsentRevocationNotifier, NetworkRevocationNotifier>();
        services.AddSingleton<ConsentCenter>();
        services.AddSingleton(sp => new ConsentPlugin(
            sp.GetRequiredService<ConsentCenter>(), sp.GetRequiredService<HandoffTargets>(), new LazyBotCatalog(sp), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => KernelPluginFactory.CreateFromObject(sp.GetRequiredService<ConsentPlugin>(), ConsentPlugin.PluginName));
        services.AddSingleton<HandoffPlugin>();
        services.AddSingleton(sp => KernelPluginFactory.CreateFromObject(sp.GetRequiredService<HandoffPlugin>(), HandoffPlugin.PluginName));
        return services;
    }

    private static SubjectPseudonymizer CreatePseudonymizer(HandoffOptions options, ILoggerFactory loggers)
    {
        if (!string.IsNullOrWhiteSpace(options.SubjectKey))
            return new SubjectPseudonymizer(Convert.FromBase64String(options.SubjectKey));
        loggers.CreateLogger(typeof(Extensions).FullName!).LogWarning(
            "Handoff:SubjectKey is not set: using a random key, so consents cannot be listed after a restart.");
        return new SubjectPseudonymizer(RandomNumberGenerator.GetBytes(32));
    }
}
