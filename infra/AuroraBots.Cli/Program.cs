using AuroraBots.Cli.Commands;
using AuroraBots.Cli.Nlu;

// aurorabots <command> [args]: tools for editors and CI.
var command = args.Length > 0 ? args[0] : "help";
return command switch
{
    "validate" => await ValidateCommand.RunAsync(args[1..]),
    "transcripts" => await TranscriptsCommand.RunAsync(args[1..]),
    "eval" => await EvalCommand.RunAsync(args),
    "hash-password" => HashPasswordCommand.Run(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: aurorabots <command> [options]
          validate [bots/]                     check every bot; exit 1 and list the errors when invalid
          transcripts [bots/] [--bot <id>]     run the transcript tests of every bot in every language
          eval [bots/] [--verbose] [--routing <dir>]  NLU accuracy per bot and language (intents.test.yaml) and front-desk routing (tests/eval/routing); crisis
                                               recall and false alarms per language (tests/eval/crisis)
          hash-password                           read a password (hidden, or from stdin); print its hash for Editor:Users
        """);
    return 2;
}
