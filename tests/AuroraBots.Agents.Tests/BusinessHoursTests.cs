using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.LiveChat;

namespace AuroraBots.Agents.Tests;

public sealed class BusinessHoursTests
{
    private static BusinessHours Hours(string? holidays = null, string friday = "09:00-15:00")
    {
        var definition = new LiveChatDefinition
        {
            TimeZone = "Europe/Helsinki",
            Hours = new() { ["mon"] = "09:00-11:30, 12:30-16:00", ["tue"] = "09:00-16:00", ["fri"] = friday },
            Holidays = holidays is null ? [] : [holidays],
        };
        var hours = BusinessHours.Parse(definition, out var problems);
        Assert.Empty(problems);
        return hours!;
    }

    [Theory]
    // Monday 7 Dec 2026, winter time (UTC+2): 09:00 Helsinki = 07:00 UTC.
    [InlineData("2026-12-07T06:59:00Z", false)]
    [InlineData("2026-12-07T07:00:00Z", true)]
    [InlineData("2026-12-07T09:45:00Z", false)] // 11:45 lunch break
    [InlineData("2026-12-07T10:30:00Z", true)]  // 12:30
    [InlineData("2026-12-07T13:59:00Z", true)]  // 15:59
    [InlineData("2026-12-07T14:00:00Z", false)] // 16:00 closes
    [InlineData("2026-12-09T10:00:00Z", false)] // Wednesday: no hours
    // Tuesday 9 June 2026, summer time (UTC+3): 09:00 Helsinki = 06:00 UTC.
    [InlineData("2026-06-09T06:00:00Z", true)]
    [InlineData("2026-06-09T12:59:00Z", true)]
    [InlineData("2026-06-09T13:00:00Z", false)]
    public void Opening_hours_are_the_organisations_local_time(string utc, bool open) =>
        Assert.Equal(open, Hours().IsOpen(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_holiday_closes_a_working_day()
    {
        var monday = DateTimeOffset.Parse("2026-12-07T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Hours().IsOpen(monday));
        Assert.False(Hours("2026-12-07").IsOpen(monday));
    }

    [Fact]
    public void The_next_opening_skips_holidays_and_closed_days()
    {
        // Friday 4 Dec 2026 at 16:00 Helsinki (closed since 15:00); Monday 7 Dec is a holiday here → Tuesday 09:00.
        var friday = DateTimeOffset.Parse("2026-12-04T14:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(DateTimeOffset.Parse("2026-12-08T07:00:00Z", System.Globalization.CultureInfo.InvariantCulture), Hours("2026-12-07").NextOpening(friday));
    }

    [Fact]
    public void Midnight_as_24_00_keeps_the_last_minute_open()
    {
        var hours = Hours(friday: "00:00-24:00");
        Assert.True(hours.IsOpen(DateTimeOffset.Parse("2026-12-04T21:59:30Z", System.Globalization.CultureInfo.InvariantCulture))); // 23:59:30 local
        Assert.True(hours.IsOpen(DateTimeOffset.Parse("2026-12-03T22:00:00Z", System.Globalization.CultureInfo.InvariantCulture))); // Fri 00:00 local
    }

    [Fact]
    public void Bad_definitions_name_each_problem()
    {
        var definition = new LiveChatDefinition
        {
            TimeZone = "Mars/Olympus",
            Hours = new() { ["mon"] = "9-16", ["funday"] = "09:00-10:00", ["tue"] = "16:00-09:00" },
            Holidays = ["24.12.2026"],
        };
        Assert.Null(BusinessHours.Parse(definition, out var problems));
        Assert.Equal(["holidays[0]", "hours.funday", "hours.mon", "hours.tue", "time_zone"], problems.Select(p => p.Path).Order().ToArray());
    }

    [Theory]
    [InlineData(1, 1, 5)]
    [InlineData(3, 1, 15)]
    [InlineData(4, 2, 10)]
    [InlineData(2, 0, 10)] // nobody on duty: counted as one, never a division by zero
    public void The_estimated_wait_grows_with_the_position_and_shrinks_with_agents(int position, int agents, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), Desk.QueueEstimate.Wait(position, agents, TimeSpan.FromMinutes(5)));
}
