using AuroraBots.AuroraAI;
using AuroraBots.Dialogs;
using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Handoff;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AuroraBots.Cli.Commands;

/// <summary><c>aurorabots validate [bots/]</c>: exit 0 when valid, 1 with one line per error otherwise.</summary>
public static class ValidateCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        var path = args.FirstOrDefault(a => !a.StartsWith('-')) ?? "bots";
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

    /// <summary>
    /// Validates as the platform host would: with the engine's built-in plugins and the platform's (AuroraAI
    /// client, hand-off). Plugins a municipality adds in its own host are unknown here.
    /// </summary>
    public static ContentLoadResult Validate(string path)
    {
        if (!Directory.Exists(path)) return new(null, [new ContentError(path, "", "the bots content folder does not exist")]);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dialogs:Path"] = Path.GetFullPath(path),
            ["Dialogs:HotReload"] = "false",
            ["Dialogs:ValidateOnRegistration"] = "false", // one complete list, action checks included
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddAuroraAiClient(configuration.GetSection("AuroraAI:Client"));
        services.AddAuroraDialogs(configuration);
        services.AddAuroraHandoff(configuration);
        using var provider = services.BuildServiceProvider();
        try
        {
            return new(provider.GetRequiredService<IDialogContent>().Current.Content, []);
        }
        catch (InvalidDialogContentException ex)
        {
            return new(null, ex.Errors);
        }
    }
}
