using System.Reflection;
using AuroraBots.Dialogs.Content;
using YamlDotNet.Serialization.NamingConventions;

namespace AuroraBots.Dialogs.Steps;

/// <summary>The YAML keys of <see cref="StepDefinition"/> (snake_case, as the loader reads them) and which are set on a step.</summary>
public static class StepKeys
{
    private static readonly (string Key, PropertyInfo Property)[] Properties =
        [.. typeof(StepDefinition).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .Select(p => (UnderscoredNamingConvention.Instance.Apply(p.Name), p))];

    /// <summary>Every key a step may have, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Properties.Select(p => p.Key)];

    public static IEnumerable<string> Present(StepDefinition step) =>
        Properties.Where(p => p.Property.GetValue(step) is not null).Select(p => p.Key);
}
