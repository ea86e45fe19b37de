using AuroraBots.Nlu;

namespace AuroraBots.Cli.Nlu;

/// <summary>
/// One bot's NLU evaluation data, as the engine trains it at run time: the shared global intents plus the
/// bot's own, and the matching held-out utterances.
/// </summary>
internal sealed record EvalSuite(string Name, IReadOnlyList<IntentExample> Training, IReadOnlyList<IntentExample> Test)
{
    public const string SharedFolder = "_shared";
    public const string TrainingFile = "intents.yaml";
    public const string TestFile = "intents.test.yaml";

    /// <summary>
    /// One suite per bot folder that has an intents.test.yaml (trained on _shared + the bot); if no bot has
    /// one, the shared intents alone form a suite.
    /// </summary>
    public static IReadOnlyList<EvalSuite> Discover(string dialogsPath)
    {
        var sharedTraining = LoadIfExists(Path.Combine(dialogsPath, SharedFolder, TrainingFile));
        var sharedTest = LoadIfExists(Path.Combine(dialogsPath, SharedFolder, TestFile));
        var suites = new List<EvalSuite>();
        foreach (var botFolder in Directory.GetDirectories(dialogsPath).OrderBy(d => d, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(botFolder);
            if (name == SharedFolder || !File.Exists(Path.Combine(botFolder, TestFile)))
            {
                continue;
            }
            var training = sharedTraining.Concat(LoadIfExists(Path.Combine(botFolder, TrainingFile))).ToList();
            var test = sharedTest.Concat(IntentFile.Load(Path.Combine(botFolder, TestFile))).ToList();
            suites.Add(new EvalSuite(name, training, test));
        }
        if (suites.Count == 0 && sharedTest.Count > 0)
        {
            suites.Add(new EvalSuite(SharedFolder, sharedTraining, sharedTest));
        }
        return suites;
    }

    /// <summary>The training examples of one bot as the engine trains it: the shared intents plus the bot's own.</summary>
    public static IReadOnlyList<IntentExample> LoadBotTraining(string dialogsPath, string botId) =>
        [.. LoadIfExists(Path.Combine(dialogsPath, SharedFolder, TrainingFile)), .. LoadIfExists(Path.Combine(dialogsPath, botId, TrainingFile))];

    /// <summary>Held-out utterances that also appear (after normalisation) among the training examples.</summary>
    public IReadOnlyList<IntentExample> Leaks()
    {
        var training = Training.Select(e => (e.Language, Normalise(e.Text))).ToHashSet();
        return Test.Where(e => training.Contains((e.Language, Normalise(e.Text)))).ToList();
    }

    private static string Normalise(string text) =>
        string.Join(' ', text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', '!', '?', ' ');

    private static IReadOnlyList<IntentExample> LoadIfExists(string path) => File.Exists(path) ? IntentFile.Load(path) : [];
}
