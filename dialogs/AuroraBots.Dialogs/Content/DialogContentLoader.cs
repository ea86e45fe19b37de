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
public sealed class DialogContentLoader(DialogContentValidator validator, YamlLimits? limits = null, Platform.Languages? languages = null)
{
    private readonly YamlLimits _limits = limits ?? YamlLimits.Default;

    public const string SharedFolder = "_shared";
    public const string ManifestFile = "bot.yaml";
    public const string SharedManifestFile = "shared.yaml";
    public const string TextsFile = "texts.yaml";
    public const string CrisisFile = "crisis.yaml";
    public const string IntentsFile = "intents.yaml";
    public const string TestIntentsFile = "intents.test.yaml";
    public const string TestsFolder = "tests";

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithTypeConverter(new LocalizedTextConverter())
        .WithTypeConverter(new SuggestionConverter())
        .Build();

    /// <summary>Loads and validates; <paramref name="cancellationToken"/> stops it between and within files (throws).</summary>
    public ContentLoadResult Load(string rootPath, CancellationToken cancellationToken = default)
    {
        var errors = new List<ContentError>();
        var root = Path.GetFullPath(rootPath);
        var read = new Reader(root, _limits, cancellationToken);
        if (!Directory.Exists(root))
            return new(null, [ContentError.Of(rootPath, "", "folderMissing")]);

        var sharedDir = Path.Combine(root, SharedFolder);
        var shared = new SharedContent
        {
            Manifest = read.File<SharedManifest>(Path.Combine(sharedDir, SharedManifestFile), errors, required: false) ?? new(),
            Texts = read.File<TextsDocument>(Path.Combine(sharedDir, TextsFile), errors, required: false) ?? new(),
            Intents = read.File<IntentsDocument>(Path.Combine(sharedDir, IntentsFile), errors, required: false) ?? new(),
            TestIntents = read.File<IntentsDocument>(Path.Combine(sharedDir, TestIntentsFile), errors, required: false),
            Flows = ReadFlows(read, sharedDir, shared: true, errors),
            Crisis = read.File<CrisisDocument>(Path.Combine(sharedDir, CrisisFile), errors, required: true),
        };

        var bots = new SortedDictionary<string, BotContent>(StringComparer.Ordinal);
        foreach (var folder in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            if (name == SharedFolder || name.StartsWith('.')) continue;
            var manifest = read.File<BotManifest>(Path.Combine(folder, ManifestFile), errors, required: true);
            if (manifest is null) continue;
            var testsDir = Path.Combine(folder, TestsFolder);
            bots[name] = new BotContent
            {
                PlatformLanguages = (languages ?? Platform.Languages.Default).Supported,
                Id = name,
                Folder = folder,
                Manifest = manifest,
                Flows = ReadFlows(read, folder, shared: false, errors),
                Texts = read.File<TextsDocument>(Path.Combine(folder, TextsFile), errors, required: false) ?? new(),
                Intents = read.File<IntentsDocument>(Path.Combine(folder, IntentsFile), errors, required: false) ?? new(),
                TestIntents = read.File<IntentsDocument>(Path.Combine(folder, TestIntentsFile), errors, required: false),
                TranscriptFiles = Directory.Exists(testsDir)
                    ? [.. Directory.EnumerateFiles(testsDir, "*.yaml").Order(StringComparer.Ordinal)]
                    : [],
            };
        }

        var content = new DialogContent { RootPath = root, Bots = bots, Shared = shared };
        errors.AddRange(validator.Validate(content));
        return new(content, errors);
    }

    private static Dictionary<string, FlowContent> ReadFlows(Reader read, string folder, bool shared, List<ContentError> errors)
    {
        var flows = new Dictionary<string, FlowContent>(StringComparer.Ordinal);
        if (!Directory.Exists(folder)) return flows;
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var fileName = Path.GetFileName(file);
            if (fileName is ManifestFile or TextsFile or SharedManifestFile or CrisisFile || fileName.StartsWith("intents", StringComparison.Ordinal)) continue;
            var document = read.File<FlowDocument>(file, errors, required: true);
            if (document is null) continue;
            var id = Path.GetFileNameWithoutExtension(file);
            flows[id] = new FlowContent(id, Relative(read.Root, file), document, shared, Version(file));
        }
        return flows;
    }

    /// <summary>Reads one file at a time within the YAML limits, turning problems into <see cref="ContentError"/>s.</summary>
    private sealed class Reader(string root, YamlLimits limits, CancellationToken cancellationToken)
    {
        public string Root => root;

        public T? File<T>(string file, List<ContentError> errors, bool required) where T : class
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!System.IO.File.Exists(file))
            {
                if (required) errors.Add(ContentError.Of(Relative(root, file), "", "fileMissing"));
                return null;
            }
            try
            {
                var value = SafeYaml.Deserialize<T>(Yaml, SafeYaml.ReadFile(file, limits), limits, cancellationToken);
                if (value is null) errors.Add(ContentError.Of(Relative(root, file), "", "fileEmpty"));
                return value;
            }
            catch (YamlException ex)
            {
                errors.Add(ContentError.Of(Relative(root, file), $"line {ex.Start.Line}, column {ex.Start.Column}", "yamlSyntax",
                    ("line", ex.Start.Line), ("column", ex.Start.Column), ("detail", SafeYaml.Describe(ex))));
                return null;
            }
        }
    }

    /// <summary>The content version of a flow file: a short hash of its bytes.</summary>
    private static string Version(string file) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)))[..16];

    public static string Relative(string root, string file) => Path.GetRelativePath(root, file).Replace('\\', '/');
}
