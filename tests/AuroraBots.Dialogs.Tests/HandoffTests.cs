using System.Text.Json.Nodes;
using AuroraBots.AuroraAI.Models;
using AuroraBots.Dialogs.Handoff;
using AuroraBots.Dialogs.State;
using AuroraBots.Dialogs.Tests.Infrastructure;
using AuroraBots.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace AuroraBots.Dialogs.Tests;

/// <summary>Consented hand-off between bots, against a test double of <see cref="IHandoffService"/>.</summary>
public sealed class HandoffTests : IAsyncLifetime
{
    private readonly TempDialogs _dialogs = TestContent.CreateEngineDialogs();
    private readonly FakeHandoffService _handoff = new();
    private EngineHarness _engine = null!;
    private readonly string _conversation = "h-" + Guid.NewGuid().ToString("N");

    public async Task InitializeAsync()
    {
        _engine = new EngineHarness(_dialogs.Path, configure: s => s.AddSingleton<IHandoffService>(_handoff));
        await _engine.JoinAsync(_conversation, "engine");
        await Say("profile please");
        await Say("17");
        await Say("Espoo");
    }

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        _dialogs.Dispose();
    }

    private Task<List<Activity>> Say(string text) => _engine.SayAsync(_conversation, "engine", text);

    [Fact]
    public async Task ConsentOffersOnlyHeldAttributesTheTargetReceivesWithValues()
    {
        var offer = await Say("helper bot please");
        Assert.Equal("The helper bot will help.", offer[0].Text);
        var question = offer[1];
        Assert.Contains("**Helper bot** (Example organisation)", question.Text);
        Assert.Contains("We use your age to give the right advice.", question.Text);
        Assert.Contains("- **Age**: 17", question.Text);
        Assert.DoesNotContain("Espoo", question.Text); // the helper does not receive the municipality
        Assert.Equal(["Yes, all of it", "Let me choose", "Nothing"], question.Suggestions());
        var trace = AuroraChannelData.From(question)!;
        Assert.Equal("helper", trace.Handoff!.Target);
        Assert.Equal(["age"], trace.Handoff.Offered);
    }

    [Fact]
    public async Task AcceptingHandsOverAndTheTargetGreetsAsItselfWithoutAskingAgain()
    {
        await Say("helper bot please");
        var replies = await Say("Yes, all of it");

        Assert.Equal("Taking you to Helper bot (Example organisation) now.", replies[0].Text);
        Assert.Equal("engine", replies[0].From!.Id);
        Assert.Equal(["Hi, Helper bot here!", "Okay, 17 years."], replies.Skip(1).Select(r => r.Text));
        Assert.All(replies.Skip(1), r => Assert.Equal(("helper", "Helper bot"), (r.From!.Id, r.From.Name)));
        Assert.Equal("helper", AuroraChannelData.From(replies[1])!.Bot);

        var request = Assert.Single(_handoff.Requests);
        Assert.Equal(("engine", "helper", 17, null), (request.SourceBotId, request.TargetBotId, request.Attributes.Age, request.Attributes.MunicipalityCode));
        Assert.DoesNotContain(_conversation, request.SubjectId);

        var state = await _engine.StateAsync(_conversation);
        Assert.Equal(["engine", "helper"], state.BotStack);
        var age = state.Bots["helper"].Attributes["age"];
        Assert.Equal((AttributeSources.Handoff, "engine", "cr_1"), (age.Source, age.FromBot, age.Receipt));
        Assert.False(state.Bots["helper"].Attributes.ContainsKey("municipality_code"));

        var known = await Say("what do you know about me");
        Assert.Contains("**Age**: 17 — from a hand-off by Engine bot (receipt cr_1)", known.Single().Text);
    }

    [Fact]
    public async Task ChoosingASubsetAsksAttributeByAttribute()
    {
        await Say("helper bot please");
        var pick = await Say("Let me choose");
        Assert.Equal("Shall Helper bot get **Age: 17**?", pick.Single().Text);
        var replies = await Say("No");
        Assert.Null(Assert.Single(_handoff.Requests).Attributes.Age);
        Assert.Equal("How old are you?", replies[^1].Text); // nothing shared: the target asks
    }

    [Fact]
    public async Task DecliningCanStayWithTheCurrentBot()
    {
        await Say("helper bot please");
        var stayOrGo = await Say("Nothing");
        Assert.Contains("I won't share your information", stayOrGo.Single().Text);
        var stayed = await Say("Stay here");
        Assert.Equal(["Okay, let's continue here.", "We stayed."], stayed.Select(r => r.Text));
        Assert.Empty(_handoff.Requests);
        Assert.Equal(["engine"], (await _engine.StateAsync(_conversation)).BotStack);
    }

    [Fact]
    public async Task HandBackReturnsToThePreviousBotWhereItLeftOff()
    {
        await Say("helper bot please");
        await Say("Yes, all of it");
        var back = await Say("go back to the previous bot");
        Assert.Equal(["Welcome back! Engine bot here again.", "Back in the engine flow."], back.Select(r => r.Text));
        Assert.All(back, r => Assert.Equal("engine", r.From!.Id));
        Assert.Equal(["engine"], (await _engine.StateAsync(_conversation)).BotStack);
    }

    [Fact]
    public async Task WithoutAHandoffServiceTheStepSaysItIsUnavailable()
    {
        await using var engine = new EngineHarness(_dialogs.Path);
        await engine.JoinAsync("n", "engine");
        var replies = await engine.SayAsync("n", "engine", "helper bot please");
        Assert.Equal(["The helper bot will help.", "Sorry, handing you over to another service is not available right now.", "We stayed."],
            replies.Select(r => r.Text));
    }

    [Fact]
    public async Task AFailingTransferStaysPolitely()
    {
        _handoff.Fail = true;
        await Say("helper bot please");
        var replies = await Say("Yes, all of it");
        Assert.Equal(["Sorry, the hand-off did not work. Let's continue here.", "We stayed."], replies.Select(r => r.Text));
    }

    [Fact]
    public async Task JoinWithAnAccessTokenRedeemsAttributesForTheEntryBot()
    {
        var token = _handoff.Issue("helper", new SessionAttributes { Age = 23 });
        var conversation = "j-" + Guid.NewGuid().ToString("N");
        // The channel's conversationUpdate comes first: the greeting asks the age...
        var first = await _engine.SendAsync(conversation, "helper", new Activity
        {
            Type = ActivityTypes.ConversationUpdate, Locale = "fi-FI", MembersAdded = [new ChannelAccount("helper"), new ChannelAccount("user-1")],
        });
        Assert.Equal("Kuinka vanha olet?", first[^1].Text);
        // ...then Web Chat's join brings the token: the greeting is redone without the question.
        var replies = await _engine.SendAsync(conversation, "helper", new Activity
        {
            Type = ActivityTypes.Event, Name = "webchat/join",
            Value = new JsonObject { ["locale"] = "fi-FI", ["auroraai_access_token"] = token },
        });
        Assert.Equal(["Hei, täällä Apubotti!", "Selvä, 23 vuotta."], replies.Select(r => r.Text));
        Assert.Equal(AttributeSources.Handoff, (await _engine.StateAsync(conversation)).Bots["helper"].Attributes["age"].Source);
    }
}
