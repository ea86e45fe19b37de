using AuroraBots.AuroraAI.Models;
using System.Globalization;
using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Dialogs.State;
using AuroraBots.Schema;

namespace AuroraBots.Dialogs.Steps;

/// <summary>
/// <c>recommend: life_situation | text</c>: asks the AuroraAI network for services (3X10D meters the bot holds,
/// or a text search) and shows them as cards; <c>fallback</c> when there are none or the network is down.
/// </summary>
public sealed class RecommendStep(StepDefinition definition, StepPosition position) : Step(definition, position)
{
    public const string LifeSituation = "life_situation", TextSearch = "text";
    public const int DefaultLimit = 3;

    public string Type { get; } = definition.Recommend ?? LifeSituation;
    public LocalizedText? Intro { get; } = definition.Say;
    public IReadOnlyList<string> Meters { get; } = definition.Meters ?? [];
    public string? Query { get; } = definition.Query;
    public int Limit { get; } = definition.Limit ?? DefaultLimit;
    public bool FilterByMunicipality { get; } = definition.Filters?.Municipality ?? true;
    public bool IncludeNational { get; } = definition.Filters?.IncludeNational ?? true;
    public IReadOnlyList<string> TargetGroups { get; } = definition.Filters?.TargetGroups ?? [];
    public IReadOnlyList<string> ServiceClasses { get; } = definition.Filters?.ServiceClasses ?? [];
    public string? Save { get; } = definition.Save;
    public string? Fallback { get; } = definition.Fallback;
    public override string Kind => StepKinds.Recommend;
    public override IEnumerable<string> Jumps => Fallback is null ? [] : [Fallback];

    internal override async Task<StepOutcome> RunAsync(StepRun run)
    {
        var turn = run.Turn;
        var memory = new RecommendationMemory
        {
            Kind = Type,
            Limit = Limit,
            IncludeNational = IncludeNational,
            TargetGroups = TargetGroups.Count > 0 ? [.. TargetGroups] : null,
            ServiceClasses = ServiceClasses.Count > 0 ? [.. ServiceClasses] : null,
        };
        if (FilterByMunicipality && turn.Bot.Attributes.TryGetValue(AttributeSchema.MunicipalityCode, out var municipality))
            memory.MunicipalityCode = municipality.Value;
        if (Type == TextSearch)
        {
            memory.Query = Query is null ? turn.State.LastUserText : turn.Replies.Render(Query);
            if (string.IsNullOrWhiteSpace(memory.Query)) return NoServices(run, EngineTexts.RecommendNone);
        }
        else
        {
            var meters = (Meters.Count > 0 ? Meters : LifeSituationMeters.All)
                .Where(m => turn.Bot.Attributes.ContainsKey(AttributeSchema.MeterPrefix + m))
                .ToDictionary(m => m, m => new List<int> { int.Parse(turn.Bot.Attributes[AttributeSchema.MeterPrefix + m].Value, CultureInfo.InvariantCulture) });
            if (meters.Count == 0) return NoServices(run, EngineTexts.RecommendNoMeters);
            memory.Meters = meters;
        }

        var response = await turn.Recommendations.QueryAsync(memory, memory.Limit);
        if (response is null) return NoServices(run, EngineTexts.RecommendUnavailable);
        if (response.RecommendedServices.Count == 0) return NoServices(run, EngineTexts.RecommendNone);

        if (turn.Recommendations.NothingLocal(memory, response) is { } nothingLocal)
            turn.Replies.Say(nothingLocal, flow: run.Flow.Id, step: Id);
        memory.RecommendationId = response.AuroraaiRecommendationId;
        memory.Shown = response.RecommendedServices.Count;
        Engine.Recommendations.Remember(memory, response.RecommendedServices);
        turn.Bot.LastRecommendation = memory;
        if (Save is { } save) turn.Assign(save, response.AuroraaiRecommendationId.ToString(CultureInfo.InvariantCulture), AttributeSources.SetByBot);
        var intro = Intro is null ? turn.Replies.SharedText(EngineTexts.RecommendIntro) : turn.Replies.Text(Intro);
        turn.Recommendations.ShowServices(intro, response, run.Flow.Id, Id);
        run.Advance();
        return StepOutcome.Continue;
    }

    private StepOutcome NoServices(StepRun run, string key)
    {
        run.Turn.Replies.Say(run.Turn.Replies.SharedText(key), flow: run.Flow.Id, step: Id);
        run.Advance(Fallback);
        return StepOutcome.Continue;
    }
}
