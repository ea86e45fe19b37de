using System.Text.Json;
using AuroraBots.AuroraAI;
using AuroraBots.AuroraAI.CodeLists;
using AuroraBots.AuroraAI.Models;
using AuroraBots.Cli.Hosting;
using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Recommendations;
using AuroraBots.Dialogs.State;
using AuroraBots.Dialogs.Tests.Infrastructure;
using AuroraBots.Dialogs.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace AuroraBots.Dialogs.Tests;

/// <summary>
/// Issue 13, "done when": every recommend step of the domain bots (family, housing, work, youth), for users in
/// municipalities inside (Oulu, Turku, Mikkeli) and outside (Tampere, Vaasa, Espoo) the shipped catalogue, in fi, sv
/// and en, against the real embedded network. No card may be an excluded row (read from the source CSVs here, not
/// from the network's code), aimed at non-citizens, or another municipality's; inside the catalogue, local cards
/// must be shown.
/// </summary>
public sealed class BotRecommendationTests : IAsyncLifetime
{
    private static readonly string[] Bots = ["family", "housing", "work", "youth"];
    private static readonly string[] Inside = ["564", "853", "491"];
    private static readonly string[] Outside = ["837", "905", "049"];
    /// <summary>
    /// Matters the shipped catalogue has no fitting local service for (the source workbook marked Mikkeli's
    /// maternity clinics "EI MUKAAN"; no municipality lists a moving service; Mikkeli lists no employment service
    /// for job seekers, Mikkeli and Turku no summer jobs). The bot says so in one line instead of showing a stray local match. Listed so that any new gap
    /// fails, and so that a gap the catalogue fills (a local card appears) fails too, until it is taken off.
    /// </summary>
    private static readonly HashSet<string> CatalogueHasNoLocal =
        ["expecting in 491", "jobs in 491", "moving in 491", "moving in 853", "summer_jobs in 491", "summer_jobs in 853"];

    /// <summary>The catalogue has no national service for these: where nothing local fits either, there are no cards.</summary>
    private static readonly HashSet<string> CatalogueHasNoNational = ["benefits", "expecting"];

    private static readonly Lazy<HashSet<string>> ExcludedIds = new(ReadExcludedIds);

    private TranscriptHost _host = null!;

    public async Task InitializeAsync() => _host = await TranscriptHost.StartAsync(TestContent.RepoDialogs);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var bot in Bots)
            foreach (var municipality in Inside.Concat(Outside))
                data.Add(bot, municipality);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Cards_are_for_citizens_not_excluded_and_never_another_municipalitys(string botId, string municipality)
    {
        var content = new DialogContentLoader(new DialogContentValidator()).Load(TestContent.RepoDialogs).Content!;
        var client = _host.Services.GetRequiredService<IAuroraAiClient>();
        var steps = content.Bots[botId].Flows.Values.SelectMany(f => f.Steps.OfType<AuroraBots.Dialogs.Steps.RecommendStep>().Select(s => (Flow: f.Id, Step: s))).ToList();
        Assert.NotEmpty(steps);
        var problems = new List<string>();
        foreach (var language in (string[])["fi", "sv", "en"])
            foreach (var (flow, step) in steps)
            {
                var memory = Memory(step, municipality);
                var response = await ServiceQuery.RunAsync(client, memory, language, memory.Limit, CancellationToken.None);
                var where = $"{botId}/{flow} [{language}] in {municipality}";
                var gapInside = CatalogueHasNoLocal.Contains($"{flow} in {municipality}");
                var gapOutside = (Outside.Contains(municipality) || gapInside) && CatalogueHasNoNational.Contains(flow);
                if (response.RecommendedServices.Count == 0 && !gapOutside) problems.Add($"{where}: no cards");
                if (response.RecommendedServices.Count > 0 && gapOutside) problems.Add($"{where}: cards although the catalogue has no national {flow} service: {string.Join(", ", response.RecommendedServices.Select(s => s.ServiceName))}");
                foreach (var card in response.RecommendedServices)
                {
                    if (ExcludedIds.Value.Contains(card.ServiceId)) problems.Add($"{where}: excluded row '{card.ServiceName}'");
                    if (!card.TargetGroups.SequenceEqual(["KR1"])) problems.Add($"{where}: '{card.ServiceName}' is for {string.Join(",", card.TargetGroups)}");
                    if (!IsNationalOrCovers(card, municipality)) problems.Add($"{where}: '{card.ServiceName}' is another area's ({card.Areas})");
                }
                var hasLocal = response.RecommendedServices.Any(s => ServiceLocality.Tier(s, municipality) == LocalityTier.Local);
                if (Inside.Contains(municipality) && !gapInside && !hasLocal)
                    problems.Add($"{where}: no local card ({string.Join(", ", response.RecommendedServices.Select(s => s.ServiceName))})");
                if (gapInside && hasLocal)
                    problems.Add($"{where}: a local card for a listed catalogue gap: {string.Join(", ", response.RecommendedServices.Select(s => s.ServiceName))}");
                if (Outside.Contains(municipality) && response.RecommendedServices.Any(s => ServiceLocality.Tier(s, municipality) == LocalityTier.Local))
                    problems.Add($"{where}: a local card although the catalogue has no services of {municipality}");
            }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>What the engine's recommend step asks for a user who gave the municipality (and low meters, when asked).</summary>
    private static RecommendationMemory Memory(AuroraBots.Dialogs.Steps.RecommendStep step, string municipality) => new()
    {
        Kind = step.Type,
        Limit = step.Limit,
        IncludeNational = step.IncludeNational,
        TargetGroups = step.TargetGroups.Count > 0 ? [.. step.TargetGroups] : null,
        ServiceClasses = step.ServiceClasses.Count > 0 ? [.. step.ServiceClasses] : null,
        MunicipalityCode = step.FilterByMunicipality ? municipality : null,
        Query = step.Query,
        Meters = step.Type == AuroraBots.Dialogs.Steps.RecommendStep.TextSearch ? null
            : (step.Meters.Count > 0 ? step.Meters : LifeSituationMeters.All).ToDictionary(m => m, _ => new List<int> { 2 }),
    };

    private static bool IsNationalOrCovers(RecommendedService card, string municipality)
    {
        if (card.AreaType is { } type && type.StartsWith("Nationwide", StringComparison.Ordinal)) return true;
        if (card.Areas is not { ValueKind: JsonValueKind.Array } areas) return false;
        return areas.EnumerateArray().Any(a => (a.GetProperty("type").GetString(), a.GetProperty("code").GetString()) switch
        {
            ("Municipality", var code) => code == municipality,
            ("Region", var code) => code is not null && AuroraCodeLists.Default.RegionMunicipalities.GetValueOrDefault(code, []).Contains(municipality),
            _ => false,
        });
    }

    /// <summary>Ids whose row is marked excluded ("EI MUKAAN") in the source workbooks (the vectors file wins for ids in both).</summary>
    private static HashSet<string> ReadExcludedIds()
    {
        var folder = Path.Combine(TestContent.RepoDialogs, "..", "infra", "AuroraBots.Network", "Data", "catalogue");
        var decided = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var file in (string[])["service_vectors_from_test_xlsx.csv", "service_labels_palvelut_turku_oulu_mikkeli.csv"])
        {
            using var parser = new Microsoft.VisualBasic.FileIO.TextFieldParser(Path.Combine(folder, file)) { HasFieldsEnclosedInQuotes = true };
            parser.SetDelimiters(",");
            var header = parser.ReadFields()!;
            int id = Array.IndexOf(header, "service_id"), excluded = Array.IndexOf(header, "excluded");
            while (parser.ReadFields() is { } row)
                decided.TryAdd(row[id], row[excluded] == "1");
        }
        return decided.Where(d => d.Value).Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
    }
}
