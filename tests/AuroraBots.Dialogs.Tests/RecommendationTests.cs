using System.Text.Json.Nodes;
using AuroraBots.AuroraAI;
using AuroraBots.AuroraAI.Models;
using AuroraBots.Dialogs.Tests.Infrastructure;
using AuroraBots.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace AuroraBots.Dialogs.Tests;

/// <summary>recommend steps against a test double of the client (the real network runs in the transcript tests).</summary>
public sealed class RecommendationTests : IAsyncLifetime
{
    private readonly TempDialogs _dialogs = TestContent.CreateEngineDialogs();
    private readonly FakeAuroraAiClient _client = new();
    private EngineHarness _engine = null!;
    private readonly string _conversation = "r-" + Guid.NewGuid().ToString("N");

    public async Task InitializeAsync()
    {
        _engine = new EngineHarness(_dialogs.Path, configure: s => s.AddSingleton<IAuroraAiClient>(_client));
        await _engine.JoinAsync(_conversation, "engine");
    }

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        _dialogs.Dispose();
    }

    private Task<List<Activity>> Say(string text) => _engine.SayAsync(_conversation, "engine", text);

    [Fact]
    public async Task LifeSituationRecommendationRendersACarouselOfServiceCards()
    {
        await Say("profile please");
        await Say("16");
        await Say("Turku");
        var replies = await Say("recommend services");

        var request = Assert.IsType<RecommendServiceRequest>(Assert.Single(_client.Requests));
        Assert.Equal([3], request.LifeSituationMeters["friends"]);
        Assert.Equal(["853"], request.ServiceFilters!.MunicipalityCodes!);
        Assert.Equal(2, request.Limit);

        var carousel = replies[0];
        Assert.Equal("Recommendations:", carousel.Text);
        Assert.Equal("carousel", carousel.AttachmentLayout);
        Assert.Equal(2, carousel.Attachments!.Count);
        var card = carousel.Attachments[0].Content!;
        Assert.Equal("Service 1", card["title"]!.GetValue<string>());
        Assert.Equal("Org 1 · Regional", card["subtitle"]!.GetValue<string>());
        Assert.Equal("Summary 1", card["text"]!.GetValue<string>());
        var buttons = card["buttons"]!.AsArray().Select(b => (b!["type"]!.GetValue<string>(), b["title"]!.GetValue<string>())).ToList();
        Assert.Equal([("openUrl", "Open web page"), ("call", "Call"), ("postBack", "Address and opening hours"), ("postBack", "👍 Useful"), ("postBack", "👎 Not useful")], buttons);
        Assert.Equal("tel:+358401234501", card["buttons"]![1]!["value"]!.GetValue<string>());
        Assert.Equal(["Show more"], carousel.Suggestions());
        Assert.Equal("After the recommendations.", replies[1].Text);
    }

    [Fact]
    public async Task DetailsFeedbackAndShowMoreButtonsWork()
    {
        var replies = await Say("recommend services");
        var buttons = replies[0].Attachments![0].Content!["buttons"]!.AsArray();

        var details = await _engine.PostBackAsync(_conversation, "engine", buttons[2]!["value"]!.DeepClone());
        Assert.Contains("Address: Katu 1, 00100, Helsinki", details.Single().Text);
        Assert.Contains("- Monday 08:00:00 - 16:00:00", details.Single().Text);

        var thanks = await _engine.PostBackAsync(_conversation, "engine", buttons[3]!["value"]!.DeepClone());
        Assert.Equal("Thanks for the feedback!", thanks.Single().Text);
        var feedback = Assert.Single(_client.Feedback);
        Assert.Equal((43L, "00000000-0000-4000-8000-000000000001", 1), (feedback.AuroraaiRecommendationId, feedback.ServiceFeedbacks![0].ServiceId, feedback.ServiceFeedbacks[0].FeedbackScore));

        var more = await _engine.PostBackAsync(_conversation, "engine", replies[0].SuggestedActions!.Actions[0].Value!.DeepClone());
        Assert.Equal(["Service 3", "Service 4"], more.Single().Attachments!.Select(a => a.Content!["title"]!.GetValue<string>()));
    }

    [Fact]
    public async Task UnavailableNetworkGivesAPoliteMessageAndTheFlowContinuesAtItsFallback()
    {
        _client.Unavailable = true;
        var replies = await Say("recommend services");
        Assert.Equal(["Sorry, service recommendations are not available right now. Please try again later.", "No-recommendations path."],
            replies.Select(r => r.Text));
    }

    [Fact]
    public async Task NoResultsGivesAPoliteMessageAndTheFallback()
    {
        _client.Services = _ => [];
        var replies = await Say("recommend services");
        Assert.Equal(["Sorry, I did not find suitable services.", "No-recommendations path."], replies.Select(r => r.Text));
    }

    [Fact]
    public async Task TextSearchSendsTheQueryAndTheLanguage()
    {
        var replies = await Say("search services by text");
        var request = Assert.IsType<TextSearchRequest>(Assert.Single(_client.Requests));
        Assert.Equal(("nuorisotyö", "en", 2), (request.SearchText, request.Language, request.Limit));
        Assert.Equal("I found these services:", replies[0].Text);
        Assert.Equal("After the search.", replies[1].Text);
    }

    [Fact]
    public async Task WithoutAClientTheStepApologisesAndGoesOn()
    {
        await using var engine = new EngineHarness(_dialogs.Path);
        await engine.JoinAsync("x", "engine");
        var replies = await engine.SayAsync("x", "engine", "recommend services");
        Assert.Equal("No-recommendations path.", replies[^1].Text);
    }
}
