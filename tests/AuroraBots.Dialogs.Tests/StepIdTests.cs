using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Steps;

namespace AuroraBots.Dialogs.Tests;

/// <summary>Derived step ids depend on what a step does, not where it is.</summary>
public sealed class StepIdTests
{
    private static StepDefinition SayStep(string text) => new() { Say = LocalizedText.Of(new Dictionary<string, string> { ["en"] = text }) };

    private static readonly StepDefinition[] Steps =
    [
        SayStep("Hello"),
        new() { Ask = "text", Save = "var.name", Text = LocalizedText.Ref("ask_name") },
        new() { Id = "explicit", Call = "other" },
        new() { Call = "other" },
        new() { End = "flow" },
    ];

    [Fact]
    public void IdsAreDerivedFromTheStepsContentAndExplicitIdsAreKept()
    {
        var ids = StepIds.Assign(Steps);

        Assert.Matches("^say:[0-9a-f]{8}$", ids[0]);
        Assert.Equal(["ask:var.name", "explicit", "call:other", "end:flow"], ids.Skip(1));
    }

    [Fact]
    public void InsertingRemovingOrReorderingOtherStepsKeepsTheIds()
    {
        var before = StepIds.Assign(Steps);

        var inserted = StepIds.Assign([SayStep("New first"), .. Steps]);
        var removed = StepIds.Assign([.. Steps.Where((_, i) => i != 0)]);
        var reordered = StepIds.Assign([.. Steps.Reverse()]);

        Assert.Equal(before, inserted.Skip(1));
        Assert.Equal(before.Skip(1), removed);
        Assert.Equal(before.Order(), reordered.Order());
    }

    [Fact]
    public void RepeatedStepsAreNumberedInOrder()
    {
        var ids = StepIds.Assign([SayStep("Again"), SayStep("Again"), SayStep("Again")]);

        Assert.Equal([ids[0], ids[0] + "~2", ids[0] + "~3"], ids);
    }

    [Fact]
    public void EveryKindIsCompiledToItsOwnTypedStep()
    {
        var flow = new FlowContent("f", "bot/f.yaml", new FlowDocument { Steps = [.. Steps] }, shared: false, version: "v1");

        Assert.Equal([typeof(SayStep), typeof(AskStep), typeof(CallStep), typeof(CallStep), typeof(EndStep)], flow.Steps.Select(s => s.GetType()));
        Assert.Same(flow.Steps[1], flow.Find("ask:var.name"));
        Assert.True(flow.HasExplicitId("explicit"));
        Assert.False(flow.HasExplicitId("ask:var.name")); // derived ids cannot be jump targets
    }
}
