using System.Text;
using System.Text.RegularExpressions;
using AuroraBots.Dialogs.Content;
using AuroraBots.Platform;
using FluentValidation;
using FluentValidation.Results;

namespace AuroraBots.Dialogs.Validation;

/// <summary>
/// Validates the whole graph with FluentValidation and turns each failure into a
/// <see cref="ContentError"/> whose path reads like the YAML (<c>steps[3].choices[1].next</c>).
/// </summary>
public sealed partial class DialogContentValidator(IFlowActionCatalog? actions = null, Languages? languages = null)
{
    public IReadOnlyList<ContentError> Validate(DialogContent content)
    {
        var errors = new List<ContentError>();
        var platform = languages ?? Languages.Default;
        var shared = new ValidationScope(content, null, platform.Supported, actions, platform);
        const string sharedDir = DialogContentLoader.SharedFolder + "/";

        Collect(errors, sharedDir + DialogContentLoader.SharedManifestFile, new SharedManifestValidator(shared).Validate(content.Shared.Manifest));
        Collect(errors, sharedDir + DialogContentLoader.TextsFile, new TextsValidator(shared).Validate(content.Shared.Texts));
        foreach (var key in Engine.EngineTexts.All.Where(k => !content.Shared.Texts.Texts.ContainsKey(k)))
            errors.Add(ContentError.Of(sharedDir + DialogContentLoader.TextsFile, "texts." + key, "missingEngineText"));
        foreach (var flow in content.Shared.Flows.Values)
            Collect(errors, flow.File, new FlowValidator(flow, shared).Validate(flow.Document));
        if (content.Shared.Crisis is { } crisis)
            Collect(errors, sharedDir + DialogContentLoader.CrisisFile, new CrisisValidator(shared, TimeProvider.System).Validate(crisis));

        foreach (var bot in content.Bots.Values)
        {
            var spoken = bot.Manifest.Languages.Where(platform.IsSupported).Distinct().ToList();
            var scope = new ValidationScope(content, bot, spoken.Count > 0 ? spoken : platform.Supported, actions, platform);
            Collect(errors, $"{bot.Id}/{DialogContentLoader.ManifestFile}", new ManifestValidator(bot, scope).Validate(bot.Manifest));
            Collect(errors, $"{bot.Id}/{DialogContentLoader.TextsFile}", new TextsValidator(scope).Validate(bot.Texts));
            foreach (var flow in bot.Flows.Values)
                Collect(errors, flow.File, new FlowValidator(flow, scope).Validate(flow.Document));
        }
        return errors;
    }

    private static void Collect(List<ContentError> errors, string file, ValidationResult result)
    {
        foreach (var failure in result.Errors)
            errors.Add(failure.CustomState is ContentProblem problem
                ? ContentError.Of(file, YamlPath(failure.PropertyName), problem)
                : new ContentError(file, YamlPath(failure.PropertyName), failure.ErrorMessage)); // a rule without a code: ContentProblemCodeTests fails
    }

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9]*")]
    private static partial Regex Segment();

    /// <summary><c>Steps[3].Choices[1].SkipIfKnown</c> → <c>steps[3].choices[1].skip_if_known</c>; map keys stay as written.</summary>
    public static string YamlPath(string propertyName)
    {
        var path = propertyName.Replace("..", ".").Trim('.');
        var builder = new StringBuilder();
        var depth = 0;
        for (var i = 0; i < path.Length;)
        {
            // Keys after "." inside dictionaries were written by us in snake case already; only PascalCase segments change.
            var match = Segment().Match(path, i);
            if (!match.Success || match.Index != i || depth > 0)
            {
                if (path[i] == '[') depth++;
                if (path[i] == ']') depth--;
                builder.Append(path[i++]);
                continue;
            }
            builder.Append(char.IsUpper(match.Value[0]) ? Snake(match.Value) : match.Value);
            i += match.Length;
        }
        return builder.ToString();
    }

    private static string Snake(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0) builder.Append('_');
            builder.Append(char.ToLowerInvariant(pascal[i]));
        }
        return builder.ToString();
    }
}
