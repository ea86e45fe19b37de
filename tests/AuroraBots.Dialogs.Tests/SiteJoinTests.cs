using System.Text.Json.Nodes;
using AuroraBots.Dialogs.State;
using AuroraBots.Dialogs.Tests.Infrastructure;
using AuroraBots.Schema;

namespace AuroraBots.Dialogs.Tests;

/// <summary>
/// What the embeddable widget tells the bot: the tenant's municipality in <c>webchat/join</c> and the user's
/// language choice in <c>webchat/locale</c>. Runs against the shipped front desk.
/// </summary>
public sealed class SiteJoinTests : IAsyncDisposable
{
    private readonly EngineHarness _engine = new(TestContent.RepoDialogs, settings: new Dictionary<string, string?>
    {
        ["Dialogs:ValidateOnRegistration"] = "false", // the hand-off plugins live in another module
    });
    private readonly string _conversation = "c-" + Guid.NewGuid().ToString("N");

    public ValueTask DisposeAsync() => _engine.DisposeAsync();

    private Task<List<Activity>> Join(JsonObject value) => _engine.SendAsync(_conversation, "frontdesk",
        new Activity { Type = ActivityTypes.Event, Name = "webchat/join", Value = value });

    [Fact]
    public async Task TheSitesMunicipalityIsKeptWithItsProvenanceAndNotAskedAgain()
    {
        var greeting = await Join(new JsonObject { ["locale"] = "fi-FI", ["tenant"] = "tampere", ["municipality_code"] = "837" });

        var state = await _engine.StateAsync(_conversation);
        var municipality = state.For("frontdesk").Attributes["municipality_code"];
        Assert.Equal(("837", AttributeSources.Site), (municipality.Value, municipality.Source));
        Assert.DoesNotContain(greeting, a => AuroraChannelData.From(a)?.Step == "municipality");

        var known = string.Join("\n", (await _engine.SayAsync(_conversation, "frontdesk", "mitä tiedät minusta", "fi-FI")).Select(a => a.Text));
        Assert.Contains("Tampere", known);
        Assert.Contains("kunnan verkkosivulta", known);
    }

    [Fact]
    public async Task AfterAConversationUpdateGreetingTheSitesMunicipalityIsKeptWithoutASecondWelcome()
    {
        var greeting = await _engine.SendAsync(_conversation, "frontdesk", new Activity
        {
            Type = ActivityTypes.ConversationUpdate, Locale = "fi-FI",
            MembersAdded = [new ChannelAccount("frontdesk"), new ChannelAccount("user-1")],
        });
        Assert.Equal("ask_matter", AuroraChannelData.From(greeting[^1])?.Step); // the front desk listens first

        var joined = await Join(new JsonObject { ["locale"] = "fi-FI", ["municipality_code"] = "837" });

        Assert.DoesNotContain(joined, a => a.Text == greeting[0].Text); // no second welcome
        Assert.DoesNotContain(joined, a => AuroraChannelData.From(a)?.Step == "municipality");
        Assert.Equal("837", (await _engine.StateAsync(_conversation)).For("frontdesk").Attributes["municipality_code"].Value);
    }

    [Fact]
    public async Task TheSitesNameForTheBotIsTheNameTheBotUses()
    {
        var greeting = await Join(new JsonObject
        {
            ["locale"] = "fi-FI",
            ["bot_names"] = new JsonObject { ["frontdesk"] = new JsonObject { ["fi"] = "Tampereen neuvontabotti", ["en"] = "Tampere front desk bot" } },
        });

        Assert.Contains(greeting, a => a.Text?.Contains("Tampereen neuvontabotti") == true);
        Assert.DoesNotContain(greeting, a => a.Text?.Contains("Kunnan neuvontabotti") == true);
        Assert.All(greeting, a => Assert.Equal("Tampereen neuvontabotti", a.From!.Name));
    }

    [Fact]
    public async Task AMessageRepeatingTheSitesMunicipalityIsMarkedForTranscriptsAndOneWithTheUsersOwnAnswerIsNot()
    {
        await Join(new JsonObject { ["locale"] = "fi-FI", ["municipality_code"] = "837" });
        var known = await _engine.SayAsync(_conversation, "frontdesk", "mitä tiedät minusta", "fi-FI");
        Assert.Contains(known, a => AuroraChannelData.From(a)!.UntypedAttributes == true);

        var other = "c-" + Guid.NewGuid().ToString("N");
        await _engine.SendAsync(other, "frontdesk", new Activity { Type = ActivityTypes.Event, Name = "webchat/join", Value = new JsonObject { ["locale"] = "fi-FI" } });
        await _engine.SayAsync(other, "frontdesk", "Oulu", "fi-FI");
        var typed = await _engine.SayAsync(other, "frontdesk", "mitä tiedät minusta", "fi-FI");
        Assert.Contains(typed, a => a.Text?.Contains("Oulu") == true);
        Assert.All(typed, a => Assert.Null(AuroraChannelData.From(a)!.UntypedAttributes));
    }

    [Fact]
    public async Task AMunicipalityCodeOutsideTheCodeListIsIgnored()
    {
        var greeting = await Join(new JsonObject { ["locale"] = "fi-FI", ["municipality_code"] = "999" });

        Assert.False((await _engine.StateAsync(_conversation)).For("frontdesk").Attributes.ContainsKey("municipality_code"));
        Assert.Contains(greeting, a => AuroraChannelData.From(a)?.Step == "ask_matter");
    }

    [Fact]
    public async Task TheWidgetsLanguageSwitchMovesTheBotToThatLanguage()
    {
        await Join(new JsonObject { ["locale"] = "fi-FI" });

        var switched = await _engine.SendAsync(_conversation, "frontdesk", new Activity
        {
            Type = ActivityTypes.Event, Name = "webchat/locale", Value = new JsonObject { ["locale"] = "sv-SE", ["language"] = "sv" },
        });

        Assert.Equal("sv", (await _engine.StateAsync(_conversation)).Language);
        Assert.All(switched, a => Assert.Equal("sv", AuroraChannelData.From(a)!.Locale));
        Assert.NotEmpty(switched);
    }
}
