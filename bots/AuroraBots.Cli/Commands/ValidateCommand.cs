using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Dialogs.Plugins;
using AuroraBots.Dialogs.Validation;
using Microsoft.SemanticKernel;

namespace AuroraBots.Cli.Commands;

/// <summary><c>aurorabots validate [dialogs/]</c>: exit 0 when valid, 1 with one line per error otherwise.</summary>
public static class ValidateCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        var path = args.FirstOrDefault(a => !a.StartsWith('-')) ?? "dialogs";
        var result = Validate(path);
        if (result.IsValid)
        {
            Console.WriteLine($"{path}: {result.Content!.Bots.Count} bots, {result.Content.Bots.Values.Sum(b => b.Flows.Count) + result.Content.Shared.Flows.Count} flows: valid");
            return Task.FromResult(0);
        }
        foreach (var error in result.Errors) Console.Error.WriteLine(error);
        Console.Error.WriteLine($"{result.Errors.Count} error{(result.Errors.Count == 1 ? "" : "s")}");
        return Task.FromResult(1);
    }

    /// <summary>Validates with the built-in plugins (host-specific plugins are unknown here).</summary>
    public static ContentLoadResult Validate(string path)
    {
        var kernel = new Kernel();
        kernel.Plugins.AddFromObject(new DateTimePlugin(TimeProvider.System), "datetime");
        kernel.Plugins.AddFromObject(new TextPlugin(), "text");
        return new DialogContentLoader(new DialogContentValidator(new KernelActionCatalog(kernel))).Load(path);
    }
}
