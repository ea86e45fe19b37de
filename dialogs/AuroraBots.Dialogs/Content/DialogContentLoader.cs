using AuroraBots.Dialogs.Validation;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AuroraBots.Dialogs.Content;

/// <summary>The outcome of loading a bots content folder: the content (null when unusable) and every error found.</summary>
public sealed record ContentLoadResult(DialogContent? Content, IReadOnlyList<ContentError> Errors)
{
    public bool IsValid => Content is not null && Errors.Count == 0;
}

/// <summary>
/// Reads <c>bots/</c> (or any folder of the same shape, e.g. an editor's draft) into <see cref="DialogContent"/>
/// and validates the whole graph. Never throws for bad content: problems come back as <see cref="ContentError"/>s.
/// </summary>
public sealed class DialogContentLoader(DialogContentValidator validator)
{
    public const string SharedFolder = "_shared";
    public const string ManifestFile = "bot.yaml";
    public const string SharedManifestFile = "shared.yaml";
    public const string TextsFile = "texts.yaml";
    public const string IntentsFile = "intents.yaml";
    public const string TestIntentsFile = "intents.test.yaml";
    public const string TestsFolder = "tests";

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithTypeConverter(new LocalizedTextConverter())
        .WithTypeConverter(new SuggestionConverter())
        .Build();

    public ContentLoadResult Load(string rootPath)
    {
        var errors = new List<ContentError>();
        var root = Path.GetFullPath(rootPath);
        if (!Directory.Exists(root))
            return new(null, [new ContentError(rootPath, "", "the bots content folder does not exist")]);

        var sharedDir = Path.Combine(root, SharedFolder);
        var shared = new SharedContent
        {
            Manifest = Read<SharedManifest>(root, Path.Combine(sharedDir, SharedManifestFile), errors, required: false) ?? new(),
            Texts = Read<TextsDocument>(root, Path.Combine(sharedDir, TextsFile), errors, required: false) ?? new(),
            Intents = Read<IntentsDocument>(root, Path.Combine(sharedDir, IntentsFile), errors, required: false) ?? new(),
            TestIntents = Read<IntentsDocument>(root, Path.Combine(sharedDir, TestIntentsFile), errors, required: false),
            Flows = ReadFlows(root, sharedDir, shared: true, errors),
        };

        var bots = new SortedDictionary<string, BotContent>(StringComparer.Ordinal);
        foreach (var folder in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            if (name == SharedFolder || name.StartsWith('.')) continue;
            var manifest = Read<BotManifest>(root, Path.Combine(folder, ManifestFile), errors, required: true);
            if (manifest is null) continue;
            var testsDir = Path.Combine(folder, TestsFolder);
            bots[name] = new BotContent
            {
                Id = name,
                Folder = folder,
                Manifest = manifest,
                Flows = ReadFlows(root, folder, shared: false, errors),
                Texts = Read<TextsDocument>(root, Path.Combine(folder, TextsFile), errors, required: false) ?? new(),
                Intents = Read<IntentsDocument>(root, Path.Combine(folder, IntentsFile), errors, required: false) ?? new(),
                TestIntents = Read<IntentsDocument>(root, Path.Combine(folder, TestIntentsFile), errors, required: false),
                TranscriptFiles = Directory.Exists(testsDir)
                    ? [.. Directory.EnumerateFiles(testsDir, "*.yaml").Order(StringComparer.Ordinal)]
                    : [],
            };
        }

        var content = new DialogContent { RootPath = root, Bots = bots, Shared = shared };
        errors.AddRange(validator.Validate(content));
        return new(content, errors);
    }

    private static Dictionary<string, FlowContent> ReadFlows(string root, string folder, bool shared, List<ContentError> errors)
    {
        var flows = new Dictionary<string, FlowContent>(StringComparer.Ordinal);
        if (!Directory.Exists(folder)) return flows;
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var fileName = Path.GetFileName(file);
            if (fileName is ManifestFile or TextsFile or SharedManifestFile || fileName.StartsWith("intents", StringComparison.Ordinal)) continue;
            var document = Read<FlowDocument>(root, file, errors, required: true);
            if (document is null) continue;
            var id = Path.GetFileNameWithoutExtension(file);
            flows[id] = new FlowContent(id, Relative(root, file), document, shared);
        }
        return flows;
    }

    private static T? Read<T>(string root, string file, List<ContentError> errors, bool required) where T : class
    {
        if (!File.Exists(file))
        {
            if (required) errors.Add(new ContentError(Relative(root, file), "", "file is missing"));
            return null;
        }
        try
        {
            var text = File.ReadAllText(file);
            var value = Yaml.Deserialize<T?>(text);
            if (value is null) errors.Add(new ContentError(Relative(root, file), "", "file is empty"));
            return value;
        }
        catch (YamlException ex)
        {
            errors.Add(new ContentError(Relative(root, file), $"line {ex.Start.Line}, column {ex.Start.Column}", Describe(ex)));
            return null;
        }
    }

    private static string Describe(YamlException ex)
    {
        // YamlDotNet wraps the real reason (e.g. "Property 'foo' not found on type …") in inner exceptions.
        var message = ex.InnerException?.Message ?? ex.Message;
        var notFound = System.Text.RegularExpressions.Regex.Match(message, "Property '([^']+)' not found on type '([^']+)'");
        if (notFound.Success) return $"unknown key '{notFound.Groups[1].Value}'";
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return cut > 0 && message.StartsWith('(') ? message[(cut + 3)..] : message;
    }

    public static string Relative(string root, string file) => Path.GetRelativePath(root, file).Replace('\\', '/');
}
