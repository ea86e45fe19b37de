using AuroraBots.Dialogs.Engine;
using System.Security.Cryptography;
using System.Text;
using AuroraBots.Dialogs.Content;

namespace AuroraBots.Dialogs.Steps;

/// <summary>
/// Ids for steps written without <c>id:</c>, derived from what the step does rather than where it is, so that
/// inserting, removing or reordering other steps does not change them: <c>ask:attr.age</c>, <c>call:consent</c>,
/// <c>say:3f2a9c1b</c> (a hash of the text). Repeats get <c>~2</c>, <c>~3</c> in order. Derived ids contain
/// <c>:</c>, which explicit ids cannot, so the two never collide. Editing a step without an id changes its
/// id, so prompts in shipped content carry explicit ids.
/// </summary>
public static class StepIds
{
    public static IReadOnlyList<string> Assign(IReadOnlyList<StepDefinition> steps)
    {
        var ids = new string[steps.Count];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].Id is { } explicitId)
            {
                ids[i] = explicitId;
                continue;
            }
            var derived = Derive(steps[i]);
            var count = seen[derived] = seen.GetValueOrDefault(derived) + 1;
            ids[i] = count == 1 ? derived : $"{derived}~{count}";
        }
        return ids;
    }

    private static string Derive(StepDefinition step)
    {
        var kind = step.Kinds() is [var only] ? only.Key : "step";
        var what = kind switch
        {
            StepKinds.Ask => step.Save ?? Hash(step.Text),
            StepKinds.Set => string.Join(",", step.Set?.Keys.AsEnumerable() ?? []),
            StepKinds.Goto => step.Goto,
            StepKinds.Call => step.Call,
            StepKinds.Do => step.Do,
            StepKinds.End => step.End,
            StepKinds.Action => step.Action,
            StepKinds.Recommend => step.Recommend,
            StepKinds.Handoff => step.Handoff,
            StepKinds.Branch => Hash(string.Join("|", step.Branch?.Select(c => c.If) ?? [])),
            _ => Hash(step.Say?.ToString() + string.Join("|", step.Cards?.Select(c => c.Title?.ToString()) ?? [])),
        };
        return $"{kind}:{what}";
    }

    private static string Hash(object? content) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content?.ToString() ?? "")))[..8];
}
