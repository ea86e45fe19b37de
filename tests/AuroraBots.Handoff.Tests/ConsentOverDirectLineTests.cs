using AuroraBots.AuroraAI;
using AuroraBots.AuroraAI.Models;
using AuroraBots.Builder;
using AuroraBots.Dialogs.Handoff;
using AuroraBots.Dialogs.State;
using AuroraBots.Handoff.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AuroraBots.Handoff.Tests;

/// <summary>
/// Issue 15, items 5 and 6, over Direct Line against the real host on Kestrel (repository bots, embedded network):
/// a revoked consent's attributes leave the receiving bot at once and the user is told which; a declined hand-off
/// leaves the target with no earlier-transferred values; a join token minted for another bot is refused.
/// </summary>
public sealed class ConsentOverDirectLineTests(ChatHost host) : IClassFixture<ChatHost>
{
    public sealed record Words(
        string Language, string Turku, string Housing, string AcceptAll, string ShowConsents, string Revoke, string Revoked,
        string Oulu, string Age, string Job, string Back, string Nothing, string ContinueWithout);

    private static readonly Dictionary<string, Words> Texts = new()
    {
        ["fi"] = new("fi", "Turku", "tarvitsen asunnon", "Kyllä, kaikki", "näytä suostumukseni", "peru suostumukseni", "peruin luvan",
            "Oulu", "olen 16-vuotias", "tarvitsen kesätyön", "takaisin edelliseen bottiin", "Ei mitään", "Siirry ilman tietoja"),
        ["sv"] = new("sv", "Åbo", "jag behöver en bostad", "Ja, allt", "visa mina samtycken", "återkalla mitt samtycke", "återkallade samtycket",
            "Uleåborg", "jag är 16 år", "jag behöver ett sommarjobb", "tillbaka till förra boten", "Ingenting", "Fortsätt utan uppgifter"),
    };

    private static BotState Bot(ConversationState? state, string bot) =>
        state?.Bots.GetValueOrDefault(bot) ?? throw new InvalidOperationException($"no state for {bot}");

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task Revoking_a_consent_removes_the_transferred_attributes_from_the_receiving_bot_at_once_and_says_which(string language)
    {
        var w = Texts[language];
        var chat = await host.StartAsync("frontdesk");
        await chat.JoinAsync(language);
        await chat.SayAsync(w.Turku);
        await chat.SayAsync(w.Housing);
        await chat.SayAsync(w.AcceptAll);
        var state = await chat.StateAsync();
        Assert.Equal("housing", state!.ActiveBot);
        var received = Bot(state, "housing").Attributes[AttributeSchemaNames.Municipality];
        Assert.Equal(("853", AttributeSources.Handoff), (received.Value, received.Source));

        await chat.SayAsync(w.Revoke);
        var replies = string.Join("\n", await chat.SayAsync("1"));

        Assert.Contains(w.Revoked, replies);
        Assert.Contains($"**: {w.Turku}", replies); // the removed fact, named with its value
        state = await chat.StateAsync();
        Assert.False(Bot(state, "housing").Attributes.ContainsKey(AttributeSchemaNames.Municipality));
        // What the user told the front desk themselves stays with the front desk.
        Assert.Equal("853", Bot(state, "frontdesk").Attributes[AttributeSchemaNames.Municipality].Value);
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task A_declined_later_hand_off_leaves_the_target_with_none_of_the_earlier_transferred_values(string language)
    {
        var w = Texts[language];
        var chat = await host.StartAsync("frontdesk");
        await chat.JoinAsync(language);
        await chat.SayAsync(w.Oulu);
        await chat.SayAsync(w.Age);
        await chat.SayAsync(w.Job);
        await chat.SayAsync(w.AcceptAll);
        var first = Bot(await chat.StateAsync(), "work");
        Assert.Equal("16", first.Attributes[AttributeSchemaNames.Age].Value);

        await chat.SayAsync(w.Back);
        Assert.Equal("frontdesk", (await chat.StateAsync())!.ActiveBot);
        await chat.SayAsync(w.Job);
        await chat.SayAsync(w.Nothing);
        var greeting = string.Join("\n", await chat.SayAsync(w.ContinueWithout));

        var state = await chat.StateAsync();
        Assert.Equal("work", state!.ActiveBot);
        Assert.DoesNotContain(Bot(state, "work").Attributes, a => a.Value.Source == AttributeSources.Handoff);
        Assert.DoesNotContain(w.Oulu, greeting);
        Assert.DoesNotContain("16", greeting);
    }

    [Fact]
    public async Task A_join_token_minted_for_the_work_bot_is_refused_by_the_youth_bot_and_still_reaches_work()
    {
        // Another AuroraAI service (the development client) hands attributes to the work bot's channel: no receipt
        // of this host's ledger knows the token.
        var channel = host.Services.GetRequiredService<IBotCatalog>().Find("work")!.ServiceChannelId!;
        var url = await host.Services.GetRequiredService<IAuroraAiClient>().PostSessionAttributesAsync(new SessionTransferRequest
        {
            ServiceChannelId = channel,
            SessionAttributes = new SessionAttributes { MunicipalityCode = "853", Age = 17 },
        });
        var token = AccessTokens.FromUrl(url)!;

        var youth = await host.StartAsync("youth");
        var youthReplies = string.Join("\n", await youth.JoinAsync("fi", token));
        Assert.DoesNotContain(Bot(await youth.StateAsync(), "youth").Attributes, a => a.Value.Source == AttributeSources.Handoff);
        Assert.DoesNotContain("Turku", youthReplies);

        var work = await host.StartAsync("work");
        await work.JoinAsync("fi", token);
        Assert.Equal("853", Bot(await work.StateAsync(), "work").Attributes[AttributeSchemaNames.Municipality].Value);
    }

    [Fact]
    public async Task A_consent_revoked_after_its_token_arrived_through_the_join_event_removes_the_values_there_too()
    {
        // A hand-off of this platform whose token reaches the work bot on another page (Web Chat's join event).
        var transfer = await host.Services.GetRequiredService<IHandoffService>().TransferAsync(new HandoffRequest(
            "s_join_revoke", "frontdesk", "work", "Työpalvelut kunnassasi", new SessionAttributes { MunicipalityCode = "853", Age = 17 }, "fi"));
        var work = await host.StartAsync("work");
        await work.JoinAsync("fi", transfer.AccessToken!);
        var received = Bot(await work.StateAsync(), "work").Attributes[AttributeSchemaNames.Municipality];
        Assert.Equal(("853", transfer.ReceiptId), (received.Value, received.Receipt));

        // The user revokes the consent elsewhere (the other page, or the consent centre).
        Assert.NotNull(await host.Services.GetRequiredService<ConsentCenter>().RevokeAsync("s_join_revoke", transfer.ReceiptId));
        var replies = string.Join("\n", await work.SayAsync("moi"));

        var attributes = Bot(await work.StateAsync(), "work").Attributes;
        Assert.False(attributes.ContainsKey(AttributeSchemaNames.Municipality));
        Assert.False(attributes.ContainsKey(AttributeSchemaNames.Age));
        Assert.Contains("Turku", replies); // the user is told which facts were removed, with their values
    }

    private static class AttributeSchemaNames
    {
        public const string Municipality = "municipality_code";
        public const string Age = "age";
    }
}
