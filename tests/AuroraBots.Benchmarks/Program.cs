using AuroraBots.Benchmarks.Channel;

// One console app for every benchmark: the first argument picks it. Each area adds ONE line to the switch.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/AuroraBots.Benchmarks -- <benchmark> [options]");
    return 2;
}

return args[0] switch
{
    "channel" or "channel-idle" => await ChannelBenchmarks.RunAsync(args),
    "nlu" => await AuroraBots.Benchmarks.Nlu.NluBenchmarks.RunAsync(args),
    "safety" => await AuroraBots.Benchmarks.Nlu.SafetyBenchmarks.RunAsync(args),
    "network" or "textsearch-eval" => await AuroraBots.Benchmarks.Network.NetworkBenchmarks.RunAsync(args),
    "dialogs" => await AuroraBots.Benchmarks.Dialogs.DialogsBenchmarks.RunAsync(args),
    "editor" => await AuroraBots.Benchmarks.Editor.EditorBenchmarks.RunAsync(args),
    "agents" => await AuroraBots.Benchmarks.Agents.AgentsBenchmarks.RunAsync(args),
    _ => Unknown(args[0]),
};

static int Unknown(string name)
{
    Console.Error.WriteLine($"unknown benchmark '{name}'");
    return 2;
}
