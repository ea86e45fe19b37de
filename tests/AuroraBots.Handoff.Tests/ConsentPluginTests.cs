using AuroraBots.AuroraAI.Models;
using AuroraBots.Dialogs.Handoff;
using AuroraBots.Handoff.Plugins;
using AuroraBots.Handoff.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace AuroraBots.Handoff.Tests;

/// <summary>The <c>consent</c> plugin as flows call it: through a Semantic Kernel built from the host's services.</summary>
public sealed class ConsentPluginTests
{
    private static Kernel KernelOf(NetworkHost host) => new(host.Services, [.. host.Services.GetServices<KernelPlugin>()]);

    private static async Task<string> Invoke(Kernel kernel, string function, KernelArguments args) =>
        (await kernel.InvokeAsync(ConsentPlugin.PluginName, function, args)).GetValue<string>()!;

    [Theory]
    [InlineData("fi", "Työ- ja opiskelubotti", "kotikunta", "voimassa")]
    [InlineData("sv", "Arbets- och studieboten", "kommun", "giltigt")]
    [InlineData("en", "Work and study bot", "municipality", "valid until")]
    public async Task The_list_names_recipient_attributes_and_status_in_the_users_language(string lang, string bot, string attribute, string status)
    {
        await using var host = await NetworkHost.StartAsync();
        await host.Handoff.TransferAsync(new HandoffRequest("subj", "youth", "work", "Purpose text", new SessionAttributes { MunicipalityCode = "564" }, lang));
        await host.Handoff.TransferAsync(new HandoffRequest("subj", "youth", "work", "Declined", new SessionAttributes(), lang));

        var text = await Invoke(KernelOf(host), "list_consents", new() { ["subject_id"] = "subj", ["language"] = lang });

        Assert.Contains(bot, text);
        Assert.Contains(attribute, text);
        Assert.Contains(status, text);
        Assert.Contains("Purpose text", text);
        Assert.DoesNotContain("564", text);
        Assert.DoesNotContain("Declined", text); // a decline shared nothing: nothing to revoke
    }

    [Fact]
    public async Task Revoking_by_number_revokes_that_consent_and_the_list_shows_it()
    {
        await using var host = await NetworkHost.StartAsync();
        var transfer = await host.Handoff.TransferAsync(new HandoffRequest("subj", "youth", "work", "p", new SessionAttributes { Age = 15 }, "en"));
        var kernel = KernelOf(host);

        Assert.Equal(transfer.ReceiptId, await Invoke(kernel, "active_consent_ids", new() { ["subject_id"] = "subj" }));
        var answer = await Invoke(kernel, "revoke_consent", new() { ["subject_id"] = "subj", ["consent"] = "1", ["language"] = "en" });

        Assert.Contains("revoked", answer);
        Assert.NotNull((await host.Ledger.GetAsync(transfer.ReceiptId))!.RevokedAt);
        Assert.Equal("", await Invoke(kernel, "active_consent_ids", new() { ["subject_id"] = "subj" }));
        Assert.Contains("revoked", await Invoke(kernel, "list_consents", new() { ["subject_id"] = "subj", ["language"] = "en" }));
        Assert.Null(await host.Handoff.RedeemAsync("work", transfer.AccessToken!));
    }

    [Fact]
    public async Task Someone_else_cannot_revoke_and_gets_a_polite_answer()
    {
        await using var host = await NetworkHost.StartAsync();
        var transfer = await host.Handoff.TransferAsync(new HandoffRequest("owner", "youth", "work", "p", new SessionAttributes { Age = 15 }, "fi"));

        var answer = await Invoke(KernelOf(host), "revoke_consent", new() { ["subject_id"] = "intruder", ["consent"] = transfer.ReceiptId, ["language"] = "fi" });

        Assert.Contains("En löytänyt", answer);
        Assert.Null((await host.Ledger.GetAsync(transfer.ReceiptId))!.RevokedAt);
    }
}
