using System.Net;
using AuroraBots.AuroraAI;
using AuroraBots.AuroraAI.Models;
using AuroraBots.Handoff.Ledger;
using AuroraBots.Network;
using Microsoft.Extensions.DependencyInjection;

namespace AuroraBots.Editor.Tests;

/// <summary>
/// Issue 15, item 7: the transcript tests run before a publish (hand-offs, consents, revocations, recommendations of
/// every bot in the repository's content) use a sandboxed ledger and network: nothing lands in the live ones.
/// </summary>
public sealed class ReleaseIsolationTests
{
    [Fact]
    public async Task A_publish_leaves_no_receipt_or_revocation_in_the_live_ledger_and_no_log_in_the_live_network()
    {
        await using var host = await PreviewTestSupport.StartWithChannelAsync(s => s["Editor:TestsBeforePublish"] = "true", withNetwork: true);
        var liveLedger = host.Services.GetRequiredService<InMemoryConsentLedger>();
        Assert.Same(liveLedger, host.Services.GetRequiredService<IConsentLedger>());
        host.Services.WarmUpAuroraNetwork(); // the first search would build the catalogue (slow on a busy machine)
        var liveNetwork = host.Services.GetRequiredService<IAuroraAiClient>();
        var before = await liveNetwork.TextSearchAsync(new TextSearchRequest { SearchText = "nuorisotila", Limit = 1 });
        using var publisher = await host.SignedInAsync("pekka");

        await publisher.EditFileAsync("youth/main.yaml", c => c + "\n# reviewed\n");
        var published = await publisher.PublishAsync("a comment in the youth bot");

        // The release gate ran and passed: the front desk's consent and revocation transcripts need a working ledger
        // and network, so they had them — the sandbox's.
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        Assert.Equal(0, liveLedger.Count);
        // The live network's recommendation log numbers every recommendation it records: the next one follows directly.
        var after = await liveNetwork.TextSearchAsync(new TextSearchRequest { SearchText = "nuorisotila", Limit = 1 });
        Assert.Equal(before.AuroraaiRecommendationId + 1, after.AuroraaiRecommendationId);
    }
}
