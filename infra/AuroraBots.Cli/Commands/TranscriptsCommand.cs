using AuroraBots.Cli.Hosting;

namespace AuroraBots.Cli.Commands;

/// <summary><c>aurorabots transcripts [bots/] [--bot id]</c>: runs every transcript test; exit 1 when any fails.</summary>
public static class TranscriptsCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var path = "bots";
        string? bot = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--bot" && i + 1 < args.Length) bot = args[++i];
            else if (!args[i].StartsWith('-')) path = args[i];
        }
        var validation = ValidateCommand.Validate(path);
        if (!validation.IsValid)
        {
            foreach (var error in validation.Errors) Console.Error.WriteLine(error);
            return 1;
        }
        await using var host = await TranscriptHost.StartAsync(path, Environment.GetEnvironmentVariable("AURORABOTS_TEST_REDIS"));
        var results = await host.Runner.RunAllAsync(bot);
        foreach (var result in results) Console.WriteLine(result);
        var failed = results.Count(r => !r.Passed);
        Console.WriteLine($"{results.Count - failed} passed, {failed} failed");
        return failed == 0 ? 0 : 1;
    }
}
