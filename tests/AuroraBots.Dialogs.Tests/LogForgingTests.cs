using System.Text.Json.Nodes;
using AuroraBots.Dialogs.Tests.Infrastructure;

namespace AuroraBots.Dialogs.Tests;

/// <summary>Issue 15, item 12: what a user sends (a command name, a site municipality) cannot forge log lines.</summary>
public sealed class LogForgingTests
{
    private const string Forged = "x\n2026-12-04 12:00:00 info: Editor[0] admin signed in";

    [Fact]
    public async Task An_unknown_command_and_an_invalid_site_municipality_are_logged_on_one_escaped_line()
    {
        using var dialogs = TestContent.CreateEngineDialogs();
        await using var engine = new EngineHarness(dialogs.Path);
        await engine.JoinAsync("c1", "engine");
        await engine.PostBackAsync("c1", "engine", new JsonObject { ["aurora"] = Forged });
        await engine.SendAsync("c1", "engine", new AuroraBots.Schema.Activity
        {
            Type = AuroraBots.Schema.ActivityTypes.Event, Name = "webchat/join", Locale = "en",
            Value = new JsonObject { ["municipality_code"] = "9\r\nfake: entry" },
        });

        var messages = engine.Logs.Entries.Select(e => e.Message).ToList();
        Assert.Contains(messages, m => m.StartsWith("Ignoring unknown command x\\u000a2026", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Ignoring the site's municipality code", StringComparison.Ordinal) && m.Contains("\\u000d\\u000a"));
        Assert.DoesNotContain(messages, m => m.Contains('\n') || m.Contains('\r'));
    }
}
