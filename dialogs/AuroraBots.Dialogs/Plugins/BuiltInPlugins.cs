using System.ComponentModel;
using System.Globalization;
using AuroraBots.Platform;
using Microsoft.SemanticKernel;

namespace AuroraBots.Dialogs.Plugins;

/// <summary>Marks a class as an AuroraBots flow plugin; registering it in DI (any lifetime) makes its functions available to <c>action:</c> steps.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AuroraPluginAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary><c>datetime.*</c>: today's date, the time, the weekday (Finnish time zone).</summary>
[AuroraPlugin("datetime")]
public sealed class DateTimePlugin(TimeProvider time)
{
    private static readonly TimeZoneInfo Helsinki = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");

    private DateTimeOffset Now => TimeZoneInfo.ConvertTime(time.GetUtcNow(), Helsinki);

    [KernelFunction("today"), Description("Today's date in Finland as yyyy-MM-dd.")]
    public string Today() => Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [KernelFunction("now"), Description("The time in Finland as HH:mm.")]
    public string Time() => Now.ToString("HH:mm", CultureInfo.InvariantCulture);

    [KernelFunction("weekday"), Description("Today's weekday in the given language (fi, sv, en).")]
    public string Weekday(string language = "fi") =>
        Now.ToString("dddd", Languages.CultureOf(language));
}

/// <summary><c>text.*</c>: small text helpers.</summary>
[AuroraPlugin("text")]
public sealed class TextPlugin
{
    [KernelFunction("upper"), Description("The input in upper case.")]
    public string Upper(string input) => input.ToUpperInvariant();

    [KernelFunction("lower"), Description("The input in lower case.")]
    public string Lower(string input) => input.ToLowerInvariant();

    [KernelFunction("length"), Description("The number of characters in the input.")]
    public int Length(string input) => input.Length;
}
