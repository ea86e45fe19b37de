using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Validation;
using Microsoft.SemanticKernel;

namespace AuroraBots.Dialogs.Engine;

/// <summary>Looks <c>plugin.function</c> up in the kernel; function names match as written or in snake_case.</summary>
public sealed class KernelActionCatalog(Kernel kernel) : IFlowActionCatalog
{
    public ContentProblem? Check(string action)
    {
        var (plugin, function) = Find(kernel, action);
        if (plugin is null) return ContentProblem.Of("unknownPlugin", ("plugin", action.Split('.')[0]), ("plugins", string.Join(", ", kernel.Plugins.Select(p => p.Name).Order())));
        return function is null ? ContentProblem.Of("unknownFunction", ("plugin", plugin.Name), ("function", action.Split('.', 2)[^1])) : null;
    }

    public static (KernelPlugin? Plugin, KernelFunction? Function) Find(Kernel kernel, string action)
    {
        var parts = action.Split('.', 2);
        var plugin = kernel.Plugins.FirstOrDefault(p => Same(p.Name, parts[0]));
        if (plugin is null || parts.Length < 2) return (plugin, null);
        return (plugin, plugin.FirstOrDefault(f => Same(f.Name, parts[1])));
    }

    private static bool Same(string a, string b) =>
        string.Equals(a.Replace("_", ""), b.Replace("_", ""), StringComparison.OrdinalIgnoreCase);
}
