using AuroraBots.AuroraAI;
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
        Assert.DoesNotMatch(@"(?<![\w.])564(?![\w.])", text); // the value alone; a random receipt id (cr_…) may hold these digits
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

/// <summary>The <c>handoff.link_out</c> function flows use for services outside this platform.</summary>
public sealed class HandoffPluginTests
{
    private static async Task<string> LinkOut(NetworkHost host, KernelArguments args)
    {
        var kernel = new Kernel(host.Services, [.. host.Services.GetServices<KernelPlugin>()]);
        return (await kernel.InvokeAsync(HandoffPlugin.PluginName, "link_out", args)).GetValue<string>()!;
    }

    [Fact]
    public async Task A_consented_link_out_carries_a_token_the_service_can_read_once()
    {
        await using var host = await NetworkHost.StartAsync();

        var text = await LinkOut(host, new()
        {
            ["subject_id"] = "subj", ["source_bot"] = "youth", ["target"] = "kela_chat", ["language"] = "en",
            ["age"] = "19", ["municipality_code"] = "564", ["purpose"] = "Kela needs your age.",
        });

        var link = new Uri(System.Text.RegularExpressions.Regex.Match(text, @"\((https://[^)]+)\)").Groups[1].Value);
        Assert.Contains("Kela chat", text);
        Assert.Equal("chat.kela.example", link.Host);
        var token = AccessTokens.FromUrl(link);
        Assert.NotNull(token);
        var receipt = Assert.Single(await host.Consents.ListAsync("subj"));
        Assert.Equal(["age"], receipt.Attributes); // the municipality is not something Kela chat receives
        var read = await host.Services.GetRequiredService<IAuroraAiClient>().GetSessionAttributesAsync(token, CancellationToken.None);
        Assert.Equal(19, read?.Age);
        Assert.Null(read?.MunicipalityCode);
    }

    [Fact]
    public async Task Sharing_nothing_gives_the_plain_link_and_a_recorded_decline()
    {
        await using var host = await NetworkHost.StartAsync();

        var text = await LinkOut(host, new() { ["subject_id"] = "subj", ["source_bot"] = "youth", ["target"] = "kela_chat", ["age"] = "" });

        Assert.Contains("(https://chat.kela.example/)", text);
        Assert.DoesNotContain("auroraai_access_token", text);
        Assert.Empty(await host.Consents.ListAsync("subj")); // nothing shared: nothing to revoke…
        Assert.Single(await host.Ledger.ListAsync(host.Services.GetRequiredService<AuroraBots.Handoff.Ledger.SubjectPseudonymizer>().Pseudonymize("subj"))); // …but the decision is recorded
    }

    [Fact]
    public async Task A_bot_of_this_platform_is_not_a_link_out_target()
    {
        await using var host = await NetworkHost.StartAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => LinkOut(host, new() { ["subject_id"] = "s", ["source_bot"] = "youth", ["target"] = "work" }));
    }
}
