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
        Assert.Equal(["KR1"], request.ServiceFilters.TargetGroups!); // the bots serve citizens
        Assert.Null(request.ServiceFilters.OnlyNationalServices);
        Assert.Equal(2 + 10, request.Limit); // extra candidates so that local services can come first

        var carousel = replies[0];
        Assert.Equal("Recommendations:", carousel.Text);
        Assert.Equal("carousel", carousel.AttachmentLayout);
        Assert.Equal(2, carousel.Attachments!.Count);
        var card = carousel.Attachments[0].Content!;
        // Turku's own services (odd numbers) before the nationwide ones; the catalogue text is Finnish.
        Assert.Equal(["Service 1 (in Finnish)", "Service 3 (in Finnish)"], carousel.Attachments.Select(a => a.Content!["title"]!.GetValue<string>()));
        Assert.Equal("fi", carousel.Attachments[0].Properties!["locale"].GetString());
        Assert.Equal("Org 1 · Turku", card["subtitle"]!.GetValue<string>());
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
        Assert.Contains("- Mon 08:00–16:00", details.Single().Text); // localised, no seconds

        var thanks = await _engine.PostBackAsync(_conversation, "engine", buttons[3]!["value"]!.DeepClone());
        Assert.Equal("Thanks for the feedback!", thanks.Single().Text);
        var feedback = Assert.Single(_client.Feedback);
        Assert.Equal((43L, "00000000-0000-4000-8000-000000000001", 1), (feedback.AuroraaiRecommendationId, feedback.ServiceFeedbacks![0].ServiceId, feedback.ServiceFeedbacks[0].FeedbackScore));

        var more = await _engine.PostBackAsync(_conversation, "engine", replies[0].SuggestedActions!.Actions[0].Value!.DeepClone());
        Assert.Equal(["Service 5 (in Finnish)", "Service 7 (in Finnish)"], more.Single().Attachments!.Select(a => a.Content!["title"]!.GetValue<string>()));
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
        Assert.Equal(("nuorisotyö", "en", 12), (request.SearchText, request.Language, request.Limit));
        // No municipality known: national services only, never some other municipality's.
        Assert.Equal((true, null), (request.ServiceFilters!.OnlyNationalServices, request.ServiceFilters.MunicipalityCodes));
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

    [Fact]
    public async Task CardsShowOnlyWhatTheServiceDataHas()
    {
        _client.Services = limit => [new RecommendedService { ServiceId = "00000000-0000-4000-8000-000000000009", ServiceName = "Bare", AreaType = "Nationwide" }];
        var replies = await Say("recommend services");
        var card = replies[0].Attachments!.Single().Content!;
        // No channels in the data: no web page, no phone, no address button (nothing is made up).
        Assert.Equal(["👍 Useful", "👎 Not useful"], card["buttons"]!.AsArray().Select(b => b!["title"]!.GetValue<string>()));
        Assert.Equal("Nationwide", card["subtitle"]!.GetValue<string>());
    }

    [Fact]
    public async Task OnlyTheServicesOwnPagesGetAnOpenButton()
    {
        // A location channel's web page is not the service's page; an e-service channel's is.
        _client.Services = limit =>
        [
            new RecommendedService { ServiceId = "00000000-0000-4000-8000-000000000011", ServiceName = "A", AreaType = "Nationwide",
                ServiceChannels = [new ServiceChannel { ServiceChannelType = "ServiceLocation", WebPages = ["http://net.example/location"] }] },
            new RecommendedService { ServiceId = "00000000-0000-4000-8000-000000000012", ServiceName = "B", AreaType = "Nationwide",
                ServiceChannels = [new ServiceChannel { ServiceChannelType = "EChannel", WebPages = ["http://net.example/eservice"] }] },
        ];
        var cards = (await Say("recommend services"))[0].Attachments!.Select(a => a.Content!["buttons"]!.AsArray()).ToList();
        Assert.DoesNotContain(cards[0], b => b!["type"]!.GetValue<string>() == "openUrl");
        Assert.Equal("http://net.example/eservice", cards[1].Single(b => b!["type"]!.GetValue<string>() == "openUrl")!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task NothingLocalIsSaidInOneLineBeforeNationalServices()
    {
        await Say("profile please");
        await Say("16");
        await Say("Tampere");
        _client.Services = limit => [.. Enumerable.Range(1, limit).Select(i => FakeAuroraAiClient.Service(2 * i))]; // all nationwide
        var replies = await Say("recommend services");
        Assert.Equal("The service directory has no local services for this in your municipality (Tampere), so here are nationwide services.", replies[0].Text);
        Assert.Null(replies[0].Attachments);
        Assert.Equal("carousel", replies[1].AttachmentLayout);
    }

    [Theory]
    [InlineData("fi", "Monday 08:00:00 - 16:00:00, Friday 09:30:00 - 15:00:00", "ma 8.00–16.00, pe 9.30–15.00")]
    [InlineData("sv", "Monday 08:00:00 - 16:00:00", "mån 8.00–16.00")]
    [InlineData("en", "Sunday 10:00:00 - 14:00:00", "Sun 10:00–14:00")]
    [InlineData("sv", "Aina avoinna", "Alltid öppet")]
    [InlineData("fi", "Sopimuksen mukaan", "Sopimuksen mukaan")]
    public void OpeningHoursAreLocalisedWithoutSeconds(string language, string given, string expected) =>
        Assert.Equal(expected, AuroraBots.Dialogs.Recommendations.ServiceHours.Localise(given, language));
}
