using AuroraBots.Nlu.Routing;

namespace AuroraBots.Nlu.Tests;

/// <summary>When a message is acted on, clarified or answered as out of scope.</summary>
public class RoutingPolicyTests
{
    private static readonly HashSet<string> s_matters = ["youth", "work_study", "family", "housing"];
    private static readonly RoutingOptions s_options = new();

    private static RouteDecision Decide(params (string Intent, double Score)[] scores) =>
        RoutingPolicy.Decide([.. scores.Select(s => new IntentScore(s.Intent, s.Score))], s_matters, s_options);

    [Fact]
    public void A_confident_intent_is_acted_on() =>
        Assert.Equal(new[] { "housing" }, Decide(("housing", 0.8), ("family", 0.1)).Intents);

    [Fact]
    public void Generic_help_yields_to_a_matter_the_message_names()
    {
        // "tarvitsen apua työnhakuun": "help" matched "tarvitsen apua", the matter is work.
        var decision = Decide(("help", 0.82), ("work_study", 0.12), ("youth", 0.04));
        Assert.Equal(RouteKind.Act, decision.Kind);
        Assert.Equal("work_study", decision.Intent);
    }

    [Fact]
    public void A_language_request_yields_to_a_matter_in_the_same_message()
    {
        // "i am looking for work, i speak english and little finnish": the language is detected anyway; the job is the matter.
        Assert.Equal("work_study", Decide(("switch_language", 0.79), ("work_study", 0.17), ("youth", 0.01)).Intent);
        Assert.Equal("switch_language", Decide(("switch_language", 0.95), ("housing", 0.02)).Intent);
    }

    [Fact]
    public void A_matter_left_without_the_language_request_words_wins()
    {
        // "day care in english": the language name gave the language request 0.91; "day care" alone is family.
        var scores = new[] { new IntentScore("switch_language", 0.91), new IntentScore("family", 0.05) };
        var decision = RoutingPolicy.Decide(scores, s_matters, s_options, [new IntentScore("family", 0.62), new IntentScore("youth", 0.1)]);
        Assert.Equal(RouteKind.Act, decision.Kind);
        Assert.Equal("family", decision.Intent);
    }

    [Theory]
    [InlineData("youth", 0.12)] // "talk finnish with me" leaves "with": nothing routable
    [InlineData("help", 0.8)]   // what is left is a global intent, not a matter
    public void A_language_request_that_leaves_no_matter_stays_a_language_request(string restIntent, double restScore)
    {
        var scores = new[] { new IntentScore("switch_language", 0.85), new IntentScore("youth", 0.09) };
        var decision = RoutingPolicy.Decide(scores, s_matters, s_options, [new IntentScore(restIntent, restScore), new IntentScore("housing", 0.02)]);
        Assert.Equal("switch_language", decision.Intent);
    }

    [Fact]
    public void Plain_help_stays_help() =>
        Assert.Equal("help", Decide(("help", 0.9), ("youth", 0.03)).Intent);

    [Fact]
    public void Two_close_matters_get_a_clarifying_question_without_generic_intents()
    {
        var decision = Decide(("work_study", 0.36), ("help", 0.34), ("youth", 0.3));
        Assert.Equal(RouteKind.Clarify, decision.Kind);
        Assert.Equal(new[] { "work_study", "youth" }, decision.Intents);
    }

    [Fact]
    public void A_lone_plausible_matter_is_acted_on_instead_of_asking() =>
        Assert.Equal("work_study", Decide(("work_study", 0.38), ("youth", 0.12)).Intent);

    [Fact]
    public void Small_talk_is_out_of_scope() =>
        Assert.Equal(RouteKind.OutOfScope, Decide(("out_of_scope", 0.7), ("what_do_you_know", 0.2)).Kind);

    [Fact]
    public void Nothing_plausible_is_not_understood() =>
        Assert.Equal(RouteKind.NotUnderstood, Decide(("youth", 0.1), ("housing", 0.05)).Kind);
}
