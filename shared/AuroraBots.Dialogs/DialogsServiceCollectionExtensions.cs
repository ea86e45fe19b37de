using AuroraBots.Builder;
using AuroraBots.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AuroraBots.Dialogs;

/// <summary>Wiring of the dialog core into a host. TEMPORARY: replaced by the real engine (issue 3).</summary>
public static class DialogsServiceCollectionExtensions
{
    public static IServiceCollection AddAuroraDialogs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IBot, PlaceholderBot>();
        services.AddSingleton<IBotCatalog, PlaceholderCatalog>();
        return services;
    }

    private sealed class PlaceholderBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
            turnContext.Activity.Type == ActivityTypes.Message
                ? turnContext.SendActivityAsync(MessageFactory.Text($"echo: {turnContext.Activity.Text}"), cancellationToken)
                : Task.CompletedTask;
    }

    private sealed class PlaceholderCatalog : IBotCatalog
    {
        private static readonly Dictionary<string, string> Names = new() { ["fi"] = "Kokeilu", ["sv"] = "Test", ["en"] = "Test" };
        public IReadOnlyList<BotDescriptor> Bots { get; } = [new("frontdesk", Names, Names, Names, ["fi", "sv", "en"], "fi")];
        public BotDescriptor? Find(string botId) => Bots.FirstOrDefault(b => b.Id == botId);
    }
}
