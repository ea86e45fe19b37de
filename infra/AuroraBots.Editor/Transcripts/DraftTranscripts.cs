using System.Security.Claims;
using System.Text;
using System.Text.Json;
using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Engine;
using AuroraBots.Dialogs.State;
using AuroraBots.Dialogs.Transcripts;
using AuroraBots.DirectLine.Store;
using AuroraBots.Editor.Preview;
using AuroraBots.Editor.Storage;
using AuroraBots.Platform;
using AuroraBots.Schema;
using Microsoft.Extensions.DependencyInjection;
using YamlDotNet.Core;

namespace AuroraBots.Editor.Transcripts;

public sealed record TranscriptTestInfo(string File, string Bot, string Name, IReadOnlyList<string> Languages);

public sealed record TranscriptRunItem(string File, string Language, string Name, bool Passed, string? Failure,
    int? Turn, IReadOnlyList<string>? Expected, IReadOnlyList<string>? Actual)
{
    public static TranscriptRunItem From(TranscriptResult r) => new(r.File, r.Language, r.Name, r.Passed, r.Failure, r.Turn, r.Expected, r.Actual);
}

public sealed record TranscriptRunReport(int Passed, int Failed, IReadOnlyList<TranscriptRunItem> Results);

public enum RecordOutcome { Created, Exists, NotFound, InvalidName, Unavailable }

public sealed record RecordResult(RecordOutcome Outcome, string? Path = null, string? ETag = null, string? Content = null, ValidationReport? Validation = null, string? Message = null);

/// <summary>
/// Transcript tests in the editor: list the draft's tests, run them against the draft (a snapshot of the last valid
/// draft, so a save during a run cannot mix two versions), and record a preview conversation as a new test.
/// </summary>
public sealed class DraftTranscripts(IEditorStore store, DraftDialogContent draft, EditorService editor, ConversationStateStore states,
    Languages platform, IServiceProvider services)
{
    public async Task<IReadOnlyList<TranscriptTestInfo>> ListAsync(string? bot, CancellationToken cancellationToken)
    {
        var content = draft.Current.Content;
        var tests = new List<TranscriptTestInfo>();
        foreach (var file in await store.ListDraftAsync(cancellationToken))
        {
            if (!LiveValidator.IsTranscriptTest(file.Path) || (bot is not null && file.Bot != bot)) continue;
            TranscriptTest? test = null;
            if (await store.ReadDraftAsync(file.Path, cancellationToken) is { } read)
            {
                try { test = TranscriptRunner.Parse(read.Content); }
                catch (YamlException) { /* listed by file name; running it reports the syntax error */ }
            }
            var languages = test?.Languages ?? (content.Bots.TryGetValue(test?.Bot ?? file.Bot, out var owner) ? [.. owner.Languages] : [.. platform.Supported]);
            tests.Add(new TranscriptTestInfo(file.Path, file.Bot, test?.Name ?? Path.GetFileNameWithoutExtension(file.Path), languages));
        }
        return tests;
    }

    /// <summary>Runs the draft's tests (all, one bot's, or one file; optionally one language). Null report: the draft does not load (see the status).</summary>
    public async Task<(TranscriptRunReport? Report, DraftStatus Status, bool FileFound)> RunAsync(string? bot, string? file, string? language, CancellationToken cancellationToken)
    {
        var status = await draft.RefreshAsync(cancellationToken);
        if (!status.IsValid) return (null, status, true);
        await using var sandbox = await TestSandbox.StartAsync(services, status.Runtime, cancellationToken);
        var runner = FixedDialogContent.Runner(sandbox, status.Runtime, draft);
        var unreadable = new List<TranscriptResult>();
        var onlyBot = bot ?? file?.Split('/')[0];
        var cases = TranscriptRunner.Discover(status.Runtime.Content, unreadable, onlyBot)
            .Where(c => (file is null || c.RelativeFile == file) && (language is null || c.Language == language)).ToList();
        var results = unreadable.Where(r => file is null || r.File == file).ToList();
        if (file is not null && cases.Count == 0 && results.Count == 0) return (null, status, false);
        foreach (var testCase in cases) results.Add(await runner.RunAsync(testCase, cancellationToken));
        var items = results.Select(TranscriptRunItem.From).ToList();
        return (new TranscriptRunReport(items.Count(i => i.Passed), items.Count(i => !i.Passed), items), status, true);
    }

    /// <summary>Writes a preview conversation as <c>&lt;bot&gt;/tests/&lt;slug&gt;.yaml</c> in the draft (create-only, audited like any save).</summary>
    public async Task<RecordResult> RecordAsync(ClaimsPrincipal user, string conversationId, string name, string? bot, CancellationToken cancellationToken)
    {
        if (services.GetService<IConversationStore>() is not { } conversations)
            return new(RecordOutcome.Unavailable, Message: "The Direct Line channel is not configured on this host.");
        if (Slug(name) is not { } slug) return new(RecordOutcome.InvalidName, Message: "The test needs a name with letters or digits.");
        if (string.IsNullOrEmpty(conversationId) || !conversationId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            return new(RecordOutcome.NotFound, Message: "Unknown preview conversation.");
        var conversation = await conversations.GetAsync(conversationId, cancellationToken);
        // Only the signed-in editor's own preview conversations: never a citizen's conversation with a live bot.
        if (conversation is null || !PreviewBotRouter.IsDraftBotId(conversation.BotId) || conversation.UserId != PreviewUsers.IdOf(user))
            return new(RecordOutcome.NotFound, Message: "Unknown preview conversation.");
        var entryBot = conversation.BotId[PreviewBotRouter.DraftPrefix.Length..];
        var folderBot = string.IsNullOrWhiteSpace(bot) ? entryBot : bot.Trim();
        var runtime = (await draft.EnsureCurrentAsync(cancellationToken)).Runtime;
        if (!runtime.Content.Bots.ContainsKey(folderBot)) return new(RecordOutcome.NotFound, Message: $"Unknown bot '{folderBot}'.");

        var activities = (await conversations.ReadAfterAsync(conversationId, 0, 10_000, cancellationToken))
            .Select(a => JsonSerializer.Deserialize(a.Json, SchemaJsonContext.Default.Activity)!).ToList();
        var state = await states.LoadAsync(conversationId, cancellationToken);
        var language = state?.Language
            ?? activities.Where(a => a.From?.Role == RoleTypes.Bot).Select(a => AuroraChannelData.From(a)?.Locale).LastOrDefault(l => l is not null)
            ?? runtime.Content.Bots[entryBot].DefaultLanguage;
        var yaml = PreviewTranscriptWriter.Write(name.Trim(), entryBot, folderBot, language, activities, state, runtime);

        var path = $"{folderBot}/{DialogContentLoader.TestsFolder}/{slug}.yaml";
        var (saved, validation) = await editor.SaveAsync(user.Identity?.Name ?? "", path, yaml, null, createOnly: true, cancellationToken);
        return saved.Outcome == SaveOutcome.Conflict
            ? new(RecordOutcome.Exists, path, saved.ETag, Message: $"{path} exists already; choose another name.")
            : new(RecordOutcome.Created, path, saved.ETag, yaml, validation);
    }

    /// <summary>A file name from a test name: lower case ASCII letters, digits and underscores (ä → a, ö → o, å → a).</summary>
    public static string? Slug(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var slug = new StringBuilder();
        foreach (var c in name.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(c);
            else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark) continue;
            else if (slug.Length > 0 && slug[^1] != '_') slug.Append('_');
        }
        var text = slug.ToString().Trim('_');
        if (text.Length > 60) text = text[..60].TrimEnd('_');
        return text.Length == 0 ? null : text;
    }
}
