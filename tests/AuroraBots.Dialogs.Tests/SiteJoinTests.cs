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
    public async Task AfterAConversationUpdateGreetingTheSitesMunicipalityAnswersTheWaitingQuestionWithoutASecondWelcome()
    {
        var greeting = await _engine.SendAsync(_conversation, "frontdesk", new Activity
        {
            Type = ActivityTypes.ConversationUpdate, Locale = "fi-FI",
            MembersAdded = [new ChannelAccount("frontdesk"), new ChannelAccount("user-1")],
        });
        Assert.Equal("municipality", AuroraChannelData.From(greeting[^1])?.Step);

        var joined = await Join(new JsonObject { ["locale"] = "fi-FI", ["municipality_code"] = "837" });

        Assert.NotEmpty(joined);
        Assert.DoesNotContain(joined, a => a.Text == greeting[0].Text); // no second welcome
        Assert.DoesNotContain(joined, a => AuroraChannelData.From(a)?.Step == "municipality");
        Assert.Equal("837", (await _engine.StateAsync(_conversation)).For("frontdesk").Attributes["municipality_code"].Value);
    }

    [Fact]
    public async Task AMunicipalityCodeOutsideTheCodeListIsIgnoredAndAsked()
    {
        var greeting = await Join(new JsonObject { ["locale"] = "fi-FI", ["municipality_code"] = "999" });

        Assert.False((await _engine.StateAsync(_conversation)).For("frontdesk").Attributes.ContainsKey("municipality_code"));
        Assert.Contains(greeting, a => AuroraChannelData.From(a)?.Step == "municipality");
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
