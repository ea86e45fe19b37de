using AuroraBots.AuroraAI.Models;

namespace AuroraBots.Handoff.Tests;

public sealed class AttributeNamesTests
{
    private static SessionAttributes Everything() => new()
    {
        Age = 16,
        MunicipalityCode = "564",
        LifeSituationMeters = new() { ["friends"] = [7], ["working_studying"] = [4], ["health"] = [] },
    };

    [Fact]
    public void Present_lists_meters_one_by_one_and_skips_empty_ones() =>
        Assert.Equal(
            ["age", "municipality_code", "life_situation_meters.friends", "life_situation_meters.working_studying"],
            AttributeNames.Present(Everything()));

    [Fact]
    public void A_single_declared_meter_keeps_only_that_meter()
    {
        var kept = AttributeNames.Keep(Everything(), ["municipality_code", "life_situation_meters.working_studying"]);

        Assert.Null(kept.Age);
        Assert.Equal("564", kept.MunicipalityCode);
        Assert.Equal(["working_studying"], kept.LifeSituationMeters!.Keys);
        Assert.Equal([4], kept.LifeSituationMeters["working_studying"]);
    }

    [Fact]
    public void The_whole_attribute_keeps_every_meter_and_nothing_declared_keeps_nothing()
    {
        Assert.Equal(3, AttributeNames.Keep(Everything(), ["life_situation_meters"]).LifeSituationMeters!.Count);
        Assert.Empty(AttributeNames.Present(AttributeNames.Keep(Everything(), [])));
    }

    [Fact]
    public void Keep_copies_rather_than_shares_the_meter_lists()
    {
        var source = Everything();
        var kept = AttributeNames.Keep(source, ["life_situation_meters"]);
        kept.LifeSituationMeters!["friends"].Add(1);
        Assert.Equal([7], source.LifeSituationMeters!["friends"]);
    }
}
