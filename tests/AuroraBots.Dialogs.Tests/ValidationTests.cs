using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Tests.Infrastructure;
using AuroraBots.Dialogs.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace AuroraBots.Dialogs.Tests;

public class ValidationTests
{
    private static IReadOnlyList<string> Errors(TempDialogs dialogs) =>
        [.. Coded(new DialogContentLoader(new DialogContentValidator()).Load(dialogs.Path).Errors).Select(e => e.ToString())];

    /// <summary>Every problem carries a known code whose English template with its parameters is exactly the message (so a UI can say it in fi/sv).</summary>
    private static IReadOnlyList<ContentError> Coded(IReadOnlyList<ContentError> errors)
    {
        foreach (var error in errors)
        {
            Assert.True(error.Code is not null && ContentProblems.Templates.ContainsKey(error.Code), $"no code: {error}");
            Assert.Equal(error.Message, ContentProblems.English(error.Code!, error.Args));
        }
        return errors;
    }

    private static void Edit(TempDialogs dialogs, string file, string from, string to)
    {
        var text = File.ReadAllText(dialogs.File(file));
        Assert.Contains(from, text);
        File.WriteAllText(dialogs.File(file), text.Replace(from, to));
    }

    [Fact]
    public void TheRepositoryContentIsValid()
    {
        var result = Cli.Commands.ValidateCommand.Validate(TestContent.RepoDialogs);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Contains("sample", result.Content!.Bots.Keys);
    }

    [Fact]
    public void TheTestContentIsValid()
    {
        using var dialogs = TestContent.CreateEngineDialogs();
        Assert.Empty(Errors(dialogs));
    }

    [Fact]
    public void UnknownStepReferenceNamesFileAndPath()
    {
        using var dialogs = TestContent.CreateEngineDialogs();
        Edit(dialogs, "sample/checkin.yaml", "        next: friends", "        next: result");
        var errors = Errors(dialogs);
        Assert.Contains("sample/checkin.yaml: steps[1].choices[1].next: unknown step 'result'", errors);
        // friends is now only reachable from nowhere: the scale, the branch and services become unreachable.
        Assert.Contains("sample/checkin.yaml: steps[3]: unreachable step (nothing leads here)", errors);
    }

    [Fact]
    public void MissingTranslationAndUntranslatedText()
    {
        using var dialogs = TestContent.CreateEngineDialogs();
        Edit(dialogs, "sample/checkin.yaml", "sv: \"Hur gammal är du?\", ", "");
        Edit(dialogs, "sample/checkin.yaml", "text: { fi: \"Miten voit tänään?\", sv: \"Hur mår du i dag?\", en: \"How are you today?\" }", "text: \"How are you?\"");
        var errors = Errors(dialogs);
        Assert.Contains("sample/checkin.yaml: steps[0].text.sv: missing translation", errors);
        Assert.Contains("sample/checkin.yaml: steps[1].text: a text needs one entry per language (fi, sv, en) or \"@key\"", errors);
    }

    [Fact]
    public void BadConditionAndAttributesOutsideTheSchema()
    {
        using var dialogs = TestContent.CreateEngineDialogs();
        Edit(dialogs, "sample/checkin.yaml", "\"attr.life_situation_meters.friends <= 4\"", "\"attr.life_situation_meters.friends <=\"");
        Edit(dialogs, "sample/checkin.yaml", "save: attr.life_situation_meters.friends", "save: attr.life_situation_meters.wealth");
        Edit(dialogs, "sample/bot.yaml", "- attribute: age", "- attribute: city");
        Edit(dialogs, "engine/profile.yaml", "{attr.municipality_code:name}\", sv", "{attr.hometown}\", sv");
        var errors = Errors(dialogs);
        Assert.Contains("sample/checkin.yaml: steps[4].branch[0].if: bad condition: expected a value at position 38", errors);
        Assert.Contains("sample/checkin.yaml: steps[3].save: 'life_situation_meters.wealth' is not an AuroraAI attribute (age, municipality_code, life_situation_meters.<meter>)", errors);
        Assert.Contains("sample/bot.yaml: receives[0].attribute: 'city' is not an AuroraAI attribute", errors);
        Assert.Contains("engine/profile.yaml: steps[2].say.fi: 'hometown' is not an AuroraAI attribute", errors);
    }

    [Fact]
    public void DuplicateIdsUnknownFlowsBotsAndActions()
    {
        using var dialogs = TestContent.CreateEngineDialogs();
        Edit(dialogs, "engine/branchy.yaml", "  - id: mid", "  - id: tiny");
        Edit(dialogs, "engine/caller.yaml", "call: callee", "call: nowhere");
        Edit(dialogs, "engine/to_helper.yaml", "handoff: helper", "handoff: ghost");
        Edit(dialogs, "sample/shout.yaml", "action: text.upper", "action: text.shout");
        Edit(dialogs, "sample/bot.yaml", "entry: main", "entry: start");
        var errors = Coded(new DialogContentLoader(new DialogContentValidator(new Engine.KernelActionCatalog(Kernel()))).Load(dialogs.Path).Errors)
            .Select(e => e.ToString()).ToList();
        Assert.Contains("engine/branchy.yaml: steps[4].id: duplicate step id 'tiny' (also steps[3])", errors);
        Assert.Contains("engine/caller.yaml: steps[1].call: unknown flow 'nowhere'", errors);
        Assert.Contains("engine/to_helper.yaml: steps[0].handoff: unknown bot 'ghost'", errors);
        Assert.Contains("sample/shout.yaml: steps[1].action: plugin 'text' has no function 'shout'", errors);
        Assert.Contains("sample/bot.yaml: entry: unknown flow 'start'", errors);
    }

    [Fact]
    public void YamlErrorsAndUnknownKeysHaveLineNumbers()
    {
        using var dialogs = TestContent.CreateEngineDialogs();
        dialogs.Write("engine/extra.yaml", "steps:\n  - say: { fi: a, sv: b, en: c }\n    colour: red\n");
        var errors = Errors(dialogs);
        Assert.Contains("engine/extra.yaml: line 3, column 5: unknown key 'colour'", errors);
    }

    [Fact]
    public void FlowFilesMustBeListedAndIntentsNeedExamplesInEveryLanguage()
    {
        using var dialogs = TestContent.CreateEngineDialogs();
        dialogs.Write("engine/orphan.yaml", "steps:\n  - say: { fi: a, sv: b, en: c }\n");
        Edit(dialogs, "engine/intents.yaml", "sv: [\"profil\"], ", "");
        var errors = Errors(dialogs);
        Assert.Contains("engine/bot.yaml: flows: flow file 'orphan.yaml' is not listed", errors);
        Assert.Contains("engine/bot.yaml: intents.profile: no sv examples for 'profile' in intents.yaml", errors);
    }

    [Fact]
    public void SharedEngineTextsAreRequired()
    {
        using var dialogs = TestContent.CreateEngineDialogs();
        Edit(dialogs, "_shared/texts.yaml", "  recommend_more:", "  recommend_moar:");
        Assert.Contains("_shared/texts.yaml: texts.recommend_more: missing engine text", Errors(dialogs));
    }

    [Fact]
    public void HostRefusesToStartOnInvalidContentWithTheList()
    {
        using var dialogs = TestContent.CreateEngineDialogs();
        Edit(dialogs, "sample/checkin.yaml", "        next: friends", "        next: result");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Dialogs:Path"] = dialogs.Path }).Build();
        var error = Assert.Throws<InvalidDialogContentException>(() => new ServiceCollection().AddAuroraDialogs(configuration));
        Assert.Contains("sample/checkin.yaml: steps[1].choices[1].next: unknown step 'result'", error.Message);
    }

    private static Microsoft.SemanticKernel.Kernel Kernel()
    {
        var kernel = new Microsoft.SemanticKernel.Kernel();
        kernel.Plugins.AddFromObject(new Plugins.TextPlugin(), "text");
        return kernel;
    }
}
