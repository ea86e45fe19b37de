using AuroraBots.Agents.Desk;
using AuroraBots.Agents.Storage;
using AuroraBots.Dialogs.LiveChat;
using AuroraBots.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AuroraBots.Agents.Tests;

/// <summary>
/// The live-chat service as the host wires it (memory store), on a <see cref="FakeTimeProvider"/>: open or closed by the
/// bots' hours and holidays in the organisation's time zone (a host in UTC), agents on duty, contact-request retention
/// and "forget me".
/// </summary>
public sealed class LiveChatServiceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new();
    private readonly string _data = Directory.CreateTempSubdirectory("aurora-agents-tests-").FullName;
    private WebApplication _app = null!;

    private LiveChatService Service => _app.Services.GetRequiredService<LiveChatService>();
    private ILiveChatStore Store => _app.Services.GetRequiredService<ILiveChatStore>();

    public Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dialogs:Path"] = Bots(),
            ["Dialogs:HotReload"] = "false",
            ["DirectLine:TokenSigningKey"] = "agents-tests-signing-key-0123456789abcdef",
            ["Editor:DataPath"] = _data,
            ["Agents:ContactRequestRetention"] = "7.00:00:00",
        });
        builder.AddAuroraHost();
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time));
        _app = builder.Build(); // not started: the service and its store are enough
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Theory]
    // The front desk: Mon-Thu 09:00-16:00, Fri 09:00-15:00 Helsinki time. Winter (UTC+2), Thursday 10 Dec 2026.
    [InlineData("2026-12-10T06:59:00Z", LiveChatAvailabilityKind.Closed)] // 08:59 in Helsinki
    [InlineData("2026-12-10T07:00:00Z", LiveChatAvailabilityKind.Open)]   // 09:00
    [InlineData("2026-12-10T13:59:00Z", LiveChatAvailabilityKind.Open)]   // 15:59
    [InlineData("2026-12-10T14:00:00Z", LiveChatAvailabilityKind.Closed)] // 16:00
    [InlineData("2026-12-11T13:30:00Z", LiveChatAvailabilityKind.Closed)] // Friday 15:30: Fridays close at 15
    [InlineData("2026-12-12T10:00:00Z", LiveChatAvailabilityKind.Closed)] // Saturday
    [InlineData("2026-12-24T10:00:00Z", LiveChatAvailabilityKind.Closed)] // Christmas Eve, a Thursday: holiday
    [InlineData("2027-01-06T10:00:00Z", LiveChatAvailabilityKind.Closed)] // Epiphany, a Wednesday: holiday
    // Summer time (UTC+3): Tuesday 8 June 2027, 09:00 in Helsinki is 06:00 UTC.
    [InlineData("2027-06-08T05:59:00Z", LiveChatAvailabilityKind.Closed)]
    [InlineData("2027-06-08T06:00:00Z", LiveChatAvailabilityKind.Open)]
    [InlineData("2027-06-08T12:59:00Z", LiveChatAvailabilityKind.Open)]   // 15:59
    public async Task Open_follows_the_bots_hours_and_holidays_in_Helsinki_time(string utc, LiveChatAvailabilityKind expected)
    {
        _time.SetUtcNow(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        await OnDuty("maija");
        var availability = await Service.CheckAsync("frontdesk", default);
        Assert.Equal(expected, availability.Kind);
        if (expected == LiveChatAvailabilityKind.Closed) Assert.NotNull(availability.NextOpening);
    }

    [Fact]
    public async Task Closed_on_a_holiday_names_the_next_working_morning_in_local_time()
    {
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 24, 10, 0, 0, TimeSpan.Zero)); // Thursday, Christmas Eve
        await OnDuty("maija");
        var availability = await Service.CheckAsync("frontdesk", default);
        // 25 and 26 Dec are holidays, 27 is a Sunday: Monday 28 Dec 09:00 Helsinki = 07:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 12, 28, 7, 0, 0, TimeSpan.Zero), availability.NextOpening!.Value.ToUniversalTime());
    }

    [Fact]
    public async Task Open_hours_without_an_agent_on_duty_are_busy_and_presence_expires()
    {
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 10, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal(LiveChatAvailabilityKind.Busy, (await Service.CheckAsync("frontdesk", default)).Kind);
        await OnDuty("maija");
        Assert.Equal(LiveChatAvailabilityKind.Open, (await Service.CheckAsync("frontdesk", default)).Kind);
        _time.Advance(TimeSpan.FromMinutes(5)); // the console stopped reporting (closed tab): no longer on duty
        Assert.Equal(LiveChatAvailabilityKind.Busy, (await Service.CheckAsync("frontdesk", default)).Kind);
    }

    [Fact]
    public async Task Contact_requests_are_kept_for_the_configured_retention_then_gone()
    {
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 10, 20, 0, 0, TimeSpan.Zero));
        await Service.LeaveMessageAsync(new ContactRequestDraft("c1", "subject-1", "frontdesk", "fi", ContactMethods.Email, "anna@example.org", "Soittakaa"), default);
        _time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.Single(await Store.ListContactRequestsAsync(_time.GetUtcNow(), default));
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Empty(await Store.ListContactRequestsAsync(_time.GetUtcNow(), default));
    }

    [Fact]
    public async Task Forget_me_removes_the_citizens_messages_and_chat_but_no_one_elses()
    {
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 10, 8, 0, 0, TimeSpan.Zero));
        await Service.LeaveMessageAsync(new ContactRequestDraft("c1", "subject-1", "frontdesk", "fi", ContactMethods.Phone, "040 123 4567", "Yksi"), default);
        await Service.LeaveMessageAsync(new ContactRequestDraft("c1b", "subject-1", "youth", "fi", ContactMethods.Phone, "040 123 4567", "Kaksi"), default);
        await Service.LeaveMessageAsync(new ContactRequestDraft("c2", "subject-2", "frontdesk", "sv", ContactMethods.Email, "b@example.org", "Tre"), default);
        await Store.EnqueueAsync(new LiveChatSession
        {
            ConversationId = "c1", BotId = "frontdesk", Queue = "frontdesk", Language = "fi", Subject = "subject-1",
            State = LiveChatStates.Waiting, QueuedAt = _time.GetUtcNow(),
        }, default);

        await Service.ForgetAsync("c1", "subject-1", default);

        var left = await Store.ListContactRequestsAsync(_time.GetUtcNow(), default);
        Assert.Equal(["subject-2"], left.Select(r => r.Subject).ToArray());
        Assert.Null(await Store.GetAsync("c1", default));
        Assert.Empty(await Store.ListQueueAsync("frontdesk", default));
    }

    private Task OnDuty(string agent) => Store.ReportPresenceAsync(new AgentPresence(agent, true, _time.GetUtcNow()), default);

    private static string Bots()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "bots", "_shared"))) return Path.Combine(dir.FullName, "bots");
        throw new InvalidOperationException("bots/ not found above " + AppContext.BaseDirectory);
    }
}
