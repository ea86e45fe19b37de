using System.Text.Json.Nodes;
using AuroraBots.Dialogs.LiveChat;
using AuroraBots.Dialogs.Tests.Infrastructure;
using AuroraBots.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace AuroraBots.Dialogs.Tests;

/// <summary>
/// The citizen's side of the live chat in the engine (human agents, issue 16) against a recording
/// <see cref="ILiveChatService"/>: asking for a person in fi/sv/en, the person button in the fallback from the second
/// misunderstanding, the safety layer while with an agent, "forget me", and contact details when a bot has none.
/// </summary>
public sealed class LiveChatTests : IAsyncLifetime
{
    private readonly TempDialogs _dialogs = TestContent.CreateEngineDialogs();
    private readonly RecordingLiveChat _live = new();
    private EngineHarness _engine = null!;
    private readonly string _conversation = "c-" + Guid.NewGuid().ToString("N");

    public Task InitializeAsync()
    {
        _engine = new EngineHarness(_dialogs.Path, configure: s => s.AddSingleton<ILiveChatService>(_live));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        _dialogs.Dispose();
    }

    [Theory]
    [InlineData("fi", "haluan puhua ihmisen kanssa", "Asiakaspalvelija näkee")]
    [InlineData("sv", "kan jag prata med en människa?", "Medarbetaren ser")]
    [InlineData("en", "can I talk to a real person", "They will see")]
    public async Task Asking_for_a_person_shows_what_the_agent_will_see_then_queues(string language, string ask, string consent)
    {
        await _engine.JoinAsync(_conversation, "sample", language);
        var replies = await _engine.SayAsync(_conversation, "sample", ask, language);
        Assert.Contains(replies, r => r.Text?.Contains(consent, StringComparison.Ordinal) == true);
        Assert.Empty(_live.Requests);

        await Choose(LiveChatChoices.ShareNew, "(button)", language);
        var request = Assert.Single(_live.Requests);
        Assert.False(request.ShareTranscript);
        Assert.Empty(request.Attributes);
        Assert.Equal(language, request.Language);
    }

    [Fact]
    public async Task The_fallback_offers_a_person_from_the_second_misunderstanding_on()
    {
        await _engine.JoinAsync(_conversation, "sample", "en");
        var first = await _engine.SayAsync(_conversation, "sample", "qwzx vrrbl plonk", "en");
        Assert.DoesNotContain(first, r => Buttons(r).Contains("Talk to a person"));

        var second = await _engine.SayAsync(_conversation, "sample", "blorf snik wabba", "en");
        Assert.Contains(second, r => Buttons(r).Contains("Talk to a person"));

        // The button's text asks for a person like typing it would.
        var person = await _engine.SayAsync(_conversation, "sample", "Talk to a person", "en");
        Assert.Contains(person, r => r.Text?.Contains("They will see", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task With_an_agent_messages_go_to_the_agent_but_a_crisis_still_gets_the_contacts()
    {
        await _engine.JoinAsync(_conversation, "sample", "fi");
        await _engine.SayAsync(_conversation, "sample", "haluan puhua ihmisen kanssa", "fi");
        await Choose(LiveChatChoices.ShareNew, "(button)", "fi");
        _live.Status = new LiveChatStatus(LiveChatStates.Active, 0, TimeSpan.Zero, "Maija");

        var ordinary = await _engine.SayAsync(_conversation, "sample", "Tarvitsen apua vuokra-asiassa", "fi");
        Assert.Empty(ordinary); // the agent answers, not the bot
        Assert.Equal(1, _live.CitizenMessages);

        var crisis = await _engine.SayAsync(_conversation, "sample", "en jaksa enää, haluan kuolla", "fi");
        var reply = Assert.Single(crisis);
        Assert.Equal("self_harm", AuroraChannelData.From(reply)?.Safety);
        Assert.Contains("112", reply.Text);

        // Still with the agent afterwards.
        Assert.Empty(await _engine.SayAsync(_conversation, "sample", "kiitos odotuksesta", "fi"));
        Assert.Equal(2, _live.CitizenMessages);
    }

    [Fact]
    public async Task Only_a_conversation_that_queued_a_live_chat_asks_the_store_and_stops_once_it_has_ended()
    {
        await _engine.JoinAsync(_conversation, "sample", "en");
        await _engine.SayAsync(_conversation, "sample", "hello", "en");
        await _engine.SayAsync(_conversation, "sample", "what can you do", "en");
        Assert.Equal(0, _live.Lookups); // no live chat was ever asked for: no store round trip per message

        await _engine.SayAsync(_conversation, "sample", "can I talk to a real person", "en");
        await Choose(LiveChatChoices.ShareNew, "(button)", "en");
        var lookups = _live.Lookups;
        Assert.NotEmpty(await _engine.SayAsync(_conversation, "sample", "are you there?", "en")); // "still waiting"
        Assert.Equal(lookups + 1, _live.Lookups);

        _live.Status = null; // the agent ended it
        await _engine.SayAsync(_conversation, "sample", "hello again", "en");
        lookups = _live.Lookups;
        await _engine.SayAsync(_conversation, "sample", "what can you do", "en");
        Assert.Equal(lookups, _live.Lookups);
    }

    [Fact]
    public async Task Forget_me_removes_the_live_chat_and_the_messages_left()
    {
        await _engine.JoinAsync(_conversation, "sample", "en");
        await _engine.SayAsync(_conversation, "sample", "forget me", "en");
        await _engine.SayAsync(_conversation, "sample", "yes", "en");
        Assert.Contains(_conversation, _live.Forgotten);
    }

    [Fact]
    public async Task A_bot_without_contact_details_points_to_suomi_fi_and_invents_none()
    {
        var manifest = Path.Combine(_dialogs.Path, "sample", "bot.yaml");
        var yaml = File.ReadAllText(manifest);
        var start = yaml.IndexOf("  contact:\n", StringComparison.Ordinal);
        var end = yaml.IndexOf("  canned:", start, StringComparison.Ordinal);
        File.WriteAllText(manifest, yaml.Remove(start, end - start));
        await using var engine = new EngineHarness(_dialogs.Path, configure: s => s.AddSingleton<ILiveChatService>(_live));
        _live.Availability = new LiveChatAvailability(LiveChatAvailabilityKind.Busy, 10, TimeSpan.Zero, null);

        await engine.JoinAsync(_conversation, "sample", "fi");
        var replies = await engine.SayAsync(_conversation, "sample", "haluan puhua ihmisen kanssa", "fi");
        var text = string.Join("\n", replies.Select(r => r.Text));
        Assert.Contains("suomi.fi", text);
        Assert.DoesNotContain("tel:", text);
        Assert.DoesNotContain("\n\n\n", text);
    }

    /// <summary>A live-chat button as Web Chat sends it (messageBack: its label as text, the choice as value).</summary>
    private Task<List<Activity>> Choose(string choice, string label, string language) =>
        _engine.SendAsync(_conversation, "sample", new Activity
        {
            Type = ActivityTypes.Message, Text = label, Locale = language,
            Value = new JsonObject { ["aurora"] = LiveChatChoices.Command, ["choice"] = choice },
        });

    private static IEnumerable<string> Buttons(Activity activity) =>
        activity.SuggestedActions?.Actions.Select(a => a.Title ?? "") ?? [];

    /// <summary>An open live chat with one agent on duty that records what the engine asks of it.</summary>
    private sealed class RecordingLiveChat : ILiveChatService
    {
        public LiveChatAvailability Availability { get; set; } = new(LiveChatAvailabilityKind.Open, 0, TimeSpan.FromMinutes(5), null);
        public LiveChatStatus? Status { get; set; }
        public List<LiveChatRequest> Requests { get; } = [];
        public List<string> Forgotten { get; } = [];
        public int CitizenMessages { get; private set; }
        public TimeSpan ContactRequestRetention => TimeSpan.FromDays(14);

        public Task<LiveChatAvailability> CheckAsync(string botId, CancellationToken cancellationToken) => Task.FromResult(Availability);
        public int Lookups { get; private set; }

        public Task<LiveChatStatus?> FindAsync(string conversationId, CancellationToken cancellationToken)
        {
            Lookups++;
            return Task.FromResult(Status);
        }

        public Task<LiveChatStatus> RequestAsync(LiveChatRequest request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            Status = new LiveChatStatus(LiveChatStates.Waiting, 1, TimeSpan.FromMinutes(5), null);
            return Task.FromResult(Status);
        }

        public Task OnCitizenActivityAsync(string conversationId, bool typing, CancellationToken cancellationToken)
        {
            if (!typing) CitizenMessages++;
            return Task.CompletedTask;
        }

        public Task EndByCitizenAsync(string conversationId, CancellationToken cancellationToken)
        {
            Status = null;
            return Task.CompletedTask;
        }

        public Task<string> LeaveMessageAsync(ContactRequestDraft draft, CancellationToken cancellationToken) => Task.FromResult("r-1");

        public Task ForgetAsync(string conversationId, string subject, CancellationToken cancellationToken)
        {
            Forgotten.Add(conversationId);
            return Task.CompletedTask;
        }
    }
}
