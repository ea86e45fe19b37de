using AuroraBots.Dialogs.Engine;
using AuroraBots.Dialogs.Content;

namespace AuroraBots.Dialogs.Steps;

/// <summary>
/// One kind of step: the YAML key that marks it, the other keys it accepts and how it is compiled. The flow
/// JSON Schema, the validator and the engine all read <see cref="StepKinds.All"/>, so a new kind is added there.
/// </summary>
public sealed record StepKind(
    string Key,
    IReadOnlyList<string> Keys,
    Func<StepDefinition, bool> IsPresent,
    Func<StepDefinition, StepPosition, Step> Compile,
    string Description)
{
    /// <summary>Keys every step may carry.</summary>
    public static readonly IReadOnlyList<string> CommonKeys = ["id", "next"];

    /// <summary>All keys a step of this kind accepts.</summary>
    public IEnumerable<string> AllKeys => CommonKeys.Concat([Key]).Concat(Keys).Distinct();
}
