using System.Globalization;
using AuroraBots.Dialogs.Content;

namespace AuroraBots.Dialogs.LiveChat;

/// <summary>
/// The opening hours of a bot's live chat, parsed once from <c>live_chat:</c> in <c>bot.yaml</c> and evaluated in the
/// organisation's time zone (so summer time and a host running in UTC never shift them).
/// </summary>
public sealed class BusinessHours
{
    public static readonly string[] Weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    private readonly TimeZoneInfo _zone;
    private readonly Dictionary<DayOfWeek, List<(TimeOnly Open, TimeOnly Close)>> _ranges;
    private readonly HashSet<DateOnly> _holidays;

    private BusinessHours(TimeZoneInfo zone, Dictionary<DayOfWeek, List<(TimeOnly, TimeOnly)>> ranges, HashSet<DateOnly> holidays)
    {
        _zone = zone;
        _ranges = ranges;
        _holidays = holidays;
    }

    public TimeZoneInfo TimeZone => _zone;

    /// <summary>Open at <paramref name="now"/>: a working day (not a holiday) and inside one of its ranges.</summary>
    public bool IsOpen(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, _zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        if (_holidays.Contains(date) || !_ranges.TryGetValue(local.DayOfWeek, out var ranges)) return false;
        var time = TimeOnly.FromDateTime(local.DateTime);
        // "24:00" is stored as TimeOnly.MaxValue, so a range to midnight includes 23:59:59.
        return ranges.Any(r => time >= r.Open && time < r.Close || (r.Close == TimeOnly.MaxValue && time >= r.Open));
    }

    /// <summary>The next moment the chat opens after <paramref name="now"/> (within two weeks), or null when it never does.</summary>
    public DateTimeOffset? NextOpening(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, _zone);
        for (var day = 0; day < 15; day++)
        {
            var date = DateOnly.FromDateTime(local.DateTime).AddDays(day);
            if (_holidays.Contains(date) || !_ranges.TryGetValue(date.DayOfWeek, out var ranges)) continue;
            foreach (var (open, _) in ranges.OrderBy(r => r.Open))
            {
                var start = date.ToDateTime(open);
                var offset = _zone.GetUtcOffset(start);
                var candidate = new DateTimeOffset(start, offset);
                if (candidate > now) return candidate;
            }
        }
        return null;
    }

    /// <summary>Parses the definition; <paramref name="problems"/> lists every error as (path, message).</summary>
    public static BusinessHours? Parse(LiveChatDefinition definition, out List<(string Path, ContentProblem Problem)> problems)
    {
        problems = [];
        TimeZoneInfo? zone = null;
        if (string.IsNullOrWhiteSpace(definition.TimeZone)) problems.Add(("time_zone", ContentProblem.Of("timeZoneMissing")));
        else if (!TimeZoneInfo.TryFindSystemTimeZoneById(definition.TimeZone, out zone))
            problems.Add(("time_zone", ContentProblem.Of("unknownTimeZone", ("value", definition.TimeZone))));

        var ranges = new Dictionary<DayOfWeek, List<(TimeOnly, TimeOnly)>>();
        foreach (var (day, text) in definition.Hours)
        {
            var index = Array.IndexOf(Weekdays, day);
            if (index < 0) { problems.Add(($"hours.{day}", ContentProblem.Of("unknownWeekday"))); continue; }
            var list = new List<(TimeOnly, TimeOnly)>();
            foreach (var part in (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var bounds = part.Split('-', StringSplitOptions.TrimEntries);
                if (bounds.Length != 2 || ParseTime(bounds[0]) is not { } open || ParseTime(bounds[1]) is not { } close || close <= open)
                {
                    problems.Add(($"hours.{day}", ContentProblem.Of("notTimeRange", ("value", part))));
                    continue;
                }
                list.Add((open, close));
            }
            if (list.Count > 0) ranges[(DayOfWeek)((index + 1) % 7)] = list;
        }

        var holidays = new HashSet<DateOnly>();
        for (var i = 0; i < definition.Holidays.Count; i++)
        {
            if (DateOnly.TryParseExact(definition.Holidays[i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) holidays.Add(date);
            else problems.Add(($"holidays[{i}]", ContentProblem.Of("notDate", ("value", definition.Holidays[i]))));
        }
        return zone is null || problems.Count > 0 ? null : new BusinessHours(zone, ranges, holidays);
    }

    private static TimeOnly? ParseTime(string text)
    {
        if (text == "24:00") return TimeOnly.MaxValue;
        return TimeOnly.TryParseExact(text, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
    }
}
