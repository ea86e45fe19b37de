using System.Text.Json.Nodes;
using AuroraBots.Dialogs.Nlu;
using AuroraBots.Dialogs.Plugins;
using AuroraBots.Nlu;
using AuroraBots.Dialogs.State;
using AuroraBots.Dialogs.Tests.Infrastructure;
using AuroraBots.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace AuroraBots.Dialogs.Tests;

/// <summary>The engine in memory: prompts, retries, fallback branches, interruptions, sub-flows, branches, actions.</summary>
public sealed class EngineTests : IAsyncLifetime
{
    private readonly TempDialogs _dialogs = TestContent.CreateEngineDialogs();
    private EngineHarness _engine = null!;
    private readonly string _conversation = "c-" + Guid.NewGuid().ToString("N");

    public Task InitializeAsync()
    {
        _engine = new EngineHarness(_dialogs.Path);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        _dialogs.Dispose();
    }

    private Task<List<Activity>> Say(string text, string bot = "engine") => _engine.SayAsync(_conversation, bot, text);

    [Fact]
    public async Task GreetsOnceAsTheEntryBotWithTraceAndLanguage()
    {
        var update = await _engine.SendAsync(_conversation, "engine", new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Locale = "fi-FI",
            MembersAdded = [new ChannelAccount("engine"), new ChannelAccount("user-1")],
        });
        var join = await _engine.JoinAsync(_conversation, "engine", "fi-FI");

        var greeting = Assert.Single(update);
        Assert.Empty(join);
        Assert.Equal("Moottori valmis.", greeting.Text);
        Assert.Equal(("engine", "Moottoribotti", "bot"), (greeting.From!.Id, greeting.From.Name, greeting.From.Role));
        var trace = AuroraChannelData.From(greeting)!;
        Assert.Equal(("engine", "main", "fi"), (trace.Bot, trace.Flow, trace.Locale));
        Assert.Matches("^say:[0-9a-f]{8}$", trace.Step); // a step without id: derived from its text
    }

    [Fact]
    public async Task AJoinInAnotherLanguageBeforeTheUserSpeaksRedoesTheGreetingOnlyThen()
    {
        await _engine.SendAsync(_conversation, "engine", new Activity
        {
            Type = ActivityTypes.ConversationUpdate, MembersAdded = [new ChannelAccount("engine"), new ChannelAccount("user-1")],
        });
        var join = await _engine.JoinAsync(_conversation, "engine", "sv-FI");
        Assert.Equal("Motorn redo.", Assert.Single(join).Text);

        await _engine.SayAsync(_conversation, "engine", "hej", "sv-FI");
        Assert.Empty(await _engine.JoinAsync(_conversation, "engine", "en-GB")); // the user has spoken: no second greeting
    }

    [Fact]
    public async Task JoinLocaleSetsTheLanguage()
    {
        var join = await _engine.JoinAsync(_conversation, "engine", "sv-FI");
        Assert.Equal("Motorn redo.", Assert.Single(join).Text);
        Assert.Equal("Motorbot", join[0].From!.Name);
        Assert.Equal("sv", (await _engine.StateAsync(_conversation)).Language);
    }

    [Fact]
    public async Task PromptRetriesWithTheValidationMessageThenTakesTheFallbackBranch()
    {
        await _engine.JoinAsync(_conversation, "engine");
        var ask = await Say("profile please");
        Assert.Equal("Your age?", ask.Single().Text);
        Assert.Equal("expectingInput", ask[0].InputHint);

        var retry = await Say("old enough");
        Assert.Equal("A number please.\n\nYour age?", retry.Single().Text);

        var gaveUp = await Say("really old");
        Assert.Equal(["No age then.", "Your municipality?"], gaveUp.Select(r => r.Text));
        var state = await _engine.StateAsync(_conversation);
        Assert.False(state.Bots["engine"].Attributes.ContainsKey("age"));
    }

    [Fact]
    public async Task ValidAnswersAreStoredWithProvenanceAndAskedOnlyOnce()
    {
        await _engine.JoinAsync(_conversation, "engine");
        await Say("profile please");
        await Say("I am 34");
        var done = await Say("Tampere");
        Assert.Equal("Done 34 Tampere", done.Single().Text);

        var attributes = (await _engine.StateAsync(_conversation)).Bots["engine"].Attributes;
        Assert.Equal(("34", AttributeSources.Asked), (attributes["age"].Value, attributes["age"].Source));
        Assert.Equal("837", attributes["municipality_code"].Value);

        // Known attributes are not asked again (skip_if_known is the default for attr.*).
        var again = await Say("profile please");
        Assert.Equal("Done 34 Tampere", again.Single().Text);
    }

    [Fact]
    public async Task HelpInTheMiddleOfAPromptThenThePromptResumes()
    {
        await _engine.JoinAsync(_conversation, "engine");
        await Say("profile please");
        var help = await Say("help");
        Assert.Equal(2, help.Count);
        Assert.Contains("I can help with", help[0].Text);
        Assert.Contains("- Profile", help[0].Text);
        Assert.Equal("Your age?", help[1].Text);
        Assert.Equal("profile", AuroraChannelData.From(help[1])!.Flow);

        var municipality = await Say("40");
        Assert.Equal("Your municipality?", municipality.Single().Text);
    }

    [Fact]
    public async Task WhatDoYouKnowListsAttributesWithWhereTheyCameFromAndResumes()
    {
        await _engine.JoinAsync(_conversation, "engine");
        await Say("profile please");
        await Say("29");
        var known = await Say("what do you know about me");
        Assert.Equal(2, known.Count);
        Assert.Contains("**Age**: 29 — you told me", known[0].Text);
        Assert.Equal("Your municipality?", known[1].Text);
    }

    [Fact]
    public async Task SwitchLanguageMidPromptAsksThePromptAgainInTheNewLanguage()
    {
        await _engine.JoinAsync(_conversation, "engine");
        await Say("profile please");
        var which = await Say("change language");
        Assert.Equal("Which language shall we use?", which.Single().Text);
        Assert.Equal(["Suomi", "Svenska", "English"], which[0].Suggestions());

        var switched = await Say("Svenska");
        Assert.Equal(["Okej, vi fortsätter på svenska.", "Din ålder?"], switched.Select(r => r.Text));
        Assert.All(switched, r => Assert.Equal("sv", r.Locale));
        Assert.Equal("Motorbot", switched[1].From!.Name);
    }

    [Fact]
    public async Task CancelEndsTheWaitingPrompt()
    {
        await _engine.JoinAsync(_conversation, "engine");
        await Say("profile please");
        var cancelled = await Say("cancel");
        Assert.Contains("I stopped that", cancelled.Single().Text);
        Assert.Empty((await _engine.StateAsync(_conversation)).Bots["engine"].Stack);
    }

    [Fact]
    public async Task SubFlowCallReturnsToTheCaller()
    {
        await _engine.JoinAsync(_conversation, "engine");
        var start = await Say("call the subflow");
        Assert.Equal(["Before the call.", "Inner?"], start.Select(r => r.Text));
        Assert.Equal("callee", AuroraChannelData.From(start[1])!.Flow);
        var state = await _engine.StateAsync(_conversation);
        Assert.Equal(["caller", "callee"], state.Bots["engine"].Stack.Select(f => f.Flow));

        var end = await Say("deep thoughts");
        Assert.Equal(["Inner done.", "After the call: deep thoughts"], end.Select(r => r.Text));
        Assert.Empty((await _engine.StateAsync(_conversation)).Bots["engine"].Stack);
    }

    [Theory]
    [InlineData("75", "big")]
    [InlineData("2", "tiny")]
    [InlineData("20", "middle")]
    [InlineData("100", "middle")]
    public async Task BranchConditionsPickTheStep(string number, string expected)
    {
        await _engine.JoinAsync(_conversation, "engine");
        await Say("branch test");
        Assert.Equal(expected, (await Say(number)).Single().Text);
    }

    [Fact]
    public async Task NumberOutsideTheRangeIsRefused()
    {
        await _engine.JoinAsync(_conversation, "engine");
        await Say("branch test");
        var retry = await Say("150");
        Assert.StartsWith("I didn't quite get your answer.", retry.Single().Text);
    }

    [Fact]
    public async Task ChoiceAcceptsLabelSynonymAndPositionAndShowsSuggestedActions()
    {
        await _engine.JoinAsync(_conversation, "sample");
        await Say("ask how I am", "sample");
        var feeling = await Say("30", "sample");
        Assert.Equal("How are you today?", feeling.Single().Text);
        Assert.Equal(["Good", "Bad"], feeling[0].Suggestions());
        var scale = await Say("2", "sample"); // position 2 = Bad → the 0–10 scale
        Assert.Equal("How well do your friends support you?\n\n0 = not at all, 10 = very well", scale.Single().Text);
        Assert.Equal(Enumerable.Range(0, 11).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), scale[0].Suggestions());
        Assert.Equal("bad", (await _engine.StateAsync(_conversation)).Bots["sample"].Variables["feeling"]);
    }

    [Fact]
    public async Task ActionCallsASemanticKernelFunctionAndStoresTheResult()
    {
        await _engine.JoinAsync(_conversation, "sample");
        var ask = await Say("shout", "sample");
        Assert.True(ask.Count == 1, ask.Texts());
        Assert.Equal("What shall we shout?", ask[0].Text);
        Assert.Equal("WE WANT PARKS!", (await Say("we want parks", "sample")).Single().Text);
        Assert.Equal("WE WANT PARKS", (await _engine.StateAsync(_conversation)).Bots["sample"].Variables["loud"]);
    }

    [Fact]
    public async Task AMunicipalityPluginClassIsFoundInDiWithoutTouchingTheCore()
    {
        await _engine.JoinAsync(_conversation, "engine");
        await Say("profile please");
        await Say("41");
        Assert.Equal("Greetings from the municipality, 41!", (await Say("municipal greeting")).Single().Text);
    }

    [Fact]
    public async Task AFailingActionTakesItsFallback()
    {
        await _engine.JoinAsync(_conversation, "engine");
        Assert.Equal("The action failed.", (await Say("municipal greeting")).Single().Text); // no age: the plugin throws
        Assert.Contains(_engine.Logs.Entries, e => e.Message.Contains("municipal.greet") && e.Exception is not null);
    }

    [Fact]
    public async Task UnsureIntentAsksDidYouMeanWithButtons()
    {
        // A classifier that is unsure between two intents (the real one decides differently per wording).
        await using var engine = new EngineHarness(_dialogs.Path, configure: s => s.AddSingleton<INluService>(new UnsureNlu()));
        await engine.JoinAsync(_conversation, "engine");
        var reply = (await engine.SayAsync(_conversation, "engine", "something vague")).Single();
        Assert.Equal("Did you mean **Profile** or **Branches**?", reply.Text);
        var button = reply.SuggestedActions!.Actions.First(a => a.Title == "Branches");
        Assert.Equal("messageBack", button.Type);

        var chosen = await engine.SendAsync(_conversation, "engine", new Activity { Type = ActivityTypes.Message, Text = "Branches", Value = button.Value!.DeepClone() });
        Assert.Equal("Number?", chosen.Single().Text);

        // Typing the label answers the question too.
        await engine.SayAsync(_conversation, "engine", "cancel");
        await engine.SayAsync(_conversation, "engine", "something vague");
        Assert.Equal("Your age?", (await engine.SayAsync(_conversation, "engine", "profile")).Single().Text);
    }

    private sealed class UnsureNlu : INluService
    {
        private readonly NluEngineService _real = new();

        public INluModel Train(IReadOnlyList<IntentExample> examples) => new Model(_real.Train(examples));

        private sealed class Model(INluModel real) : INluModel
        {
            public NluResult Analyse(string text, string? conversationLanguage) => text == "something vague"
                ? new NluResult("en", 0.9, [new IntentScore("profile", 0.4), new IntentScore("branchy", 0.3)], [])
                : real.Analyse(text, conversationLanguage);
        }
    }

    [Fact]
    public async Task NotUnderstoodRunsTheSharedFallback()
    {
        await _engine.JoinAsync(_conversation, "engine");
        var reply = (await Say("zzzz qqqq")).Single();
        Assert.StartsWith("Sorry, I did not understand.", reply.Text);
        Assert.Equal("fallback", AuroraChannelData.From(reply)!.Flow);
    }

    [Fact]
    public async Task ForgetMeErasesEverythingAfterConfirmation()
    {
        await _engine.JoinAsync(_conversation, "engine");
        await Say("profile please");
        await Say("50");
        await Say("Oulu");
        Assert.Contains("Shall I erase everything", (await Say("forget me")).Single().Text);
        Assert.Contains("I have forgotten everything", (await Say("yes")).Single().Text);

        var state = await _engine.StateAsync(_conversation);
        Assert.Empty(state.Bots.SelectMany(b => b.Value.Attributes));
        Assert.Empty(state.Bots.SelectMany(b => b.Value.Variables));
        Assert.Contains("I don't know anything about you.", (await Say("what do you know about me")).Single().Text);
    }

    [Fact]
    public async Task RecognisesAMunicipalityFromTheMessageThatStartsAFlow()
    {
        await _engine.JoinAsync(_conversation, "sample");
        await Say("search for a service in Oulu", "sample");
        var state = await _engine.StateAsync(_conversation);
        var municipality = state.Bots["sample"].Attributes["municipality_code"];
        Assert.Equal(("564", AttributeSources.Recognised), (municipality.Value, municipality.Source));
        Assert.Equal("need", state.Bots["sample"].Stack.Single().StepId); // the municipality question was skipped
    }
}

/// <summary>A municipality's own plugin: a plain class, registered in DI, marked as an AuroraBots plugin.</summary>
[AuroraPlugin("municipal")]
public sealed class MunicipalPlugin
{
    [KernelFunction("greet")]
    public string Greet(string name) =>
        string.IsNullOrEmpty(name) ? throw new ArgumentException("a name is needed", nameof(name)) : $"Greetings from the municipality, {name}!";
}
