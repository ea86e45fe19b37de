using System.Collections.Frozen;
using System.Globalization;

namespace AuroraBots.Dialogs.Content;

/// <summary>
/// A content problem as data: a stable <see cref="Code"/> and its parameters, so a user interface can say it in its
/// own language (the editor's <c>Localisation/messages.json</c> has fi/sv/en for every code) while the CLI and the
/// host log read the English <see cref="Message"/>.
/// </summary>
public sealed record ContentProblem(string Code, IReadOnlyDictionary<string, string> Args)
{
    public string Message => ContentProblems.English(Code, Args);

    public static ContentProblem Of(string code, params (string Name, object? Value)[] args) =>
        new(code, args.ToDictionary(a => a.Name, a => Convert.ToString(a.Value, CultureInfo.InvariantCulture) ?? "", StringComparer.Ordinal));
}

/// <summary>
/// Every code the content loader and validator report, with its English template (<c>{name}</c> = a parameter).
/// One list, so a test can require a translation for each and no code is invented at a call site.
/// </summary>
public static class ContentProblems
{
    public static readonly FrozenDictionary<string, string> Templates = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // files
        ["folderMissing"] = "the bots content folder does not exist",
        ["fileMissing"] = "file is missing",
        ["fileEmpty"] = "file is empty",
        ["yamlSyntax"] = "{detail}",
        ["contentUnreadable"] = "the content could not be read: {detail}",
        ["missingEngineText"] = "missing engine text",
        // texts
        ["missingTranslation"] = "missing translation",
        ["unknownText"] = "unknown text '@{key}'",
        ["textPerLanguage"] = "a text needs one entry per language ({languages}) or \"@key\"",
        ["unknownLanguage"] = "unknown language '{value}' (use {languages})",
        ["textReference"] = "a text in texts.yaml cannot refer to another text",
        ["unknownPlaceholder"] = "unknown placeholder '{{name}}'",
        ["placeholderFormat"] = "unknown format ':{format}' (only {attr.municipality_code:name}, :name_in, :name_from, :name_to)",
        ["notAttribute"] = "'{value}' is not an AuroraAI attribute",
        ["notSaveAttribute"] = "'{value}' is not an AuroraAI attribute (age, municipality_code, life_situation_meters.<meter>)",
        ["invalidVariable"] = "'{value}' is not a valid variable name",
        ["badTarget"] = "'{value}' must start with attr., var. or be conv.language",
        ["conditionRequired"] = "a condition is required",
        ["badCondition"] = "bad condition: {detail}",
        ["conditionAttribute"] = "bad condition: '{value}' is not an AuroraAI attribute",
        ["conditionName"] = "bad condition: unknown name '{value}' (use attr.…, var.… or conv.language)",
        // flows and steps
        ["flowIdFileName"] = "the id must equal the file name ('{expected}')",
        ["flowSteps"] = "a flow needs at least one step",
        ["duplicateStepId"] = "duplicate step id '{id}' (also {other})",
        ["unreachable"] = "unreachable step (nothing leads here)",
        ["stepKindMissing"] = "a step needs one of: {kinds}",
        ["stepKindMany"] = "a step has exactly one kind, found {kinds}",
        ["keyNotForKind"] = "'{key}' does not belong to a {kind} step",
        ["invalidId"] = "'{value}' is not a valid id (lower-case letters, digits, _)",
        ["unknownStep"] = "unknown step '{value}'",
        ["unknownFlow"] = "unknown flow '{value}'",
        ["unknownFlowFile"] = "unknown flow '{value}' (no such file)",
        ["unknownCommand"] = "unknown command '{value}' (use {commands})",
        ["end"] = "use 'flow' or 'conversation'",
        ["layout"] = "use 'carousel' or 'list'",
        ["cardTitle"] = "a card needs a title",
        ["buttonTitle"] = "a button needs a title",
        ["buttonTarget"] = "a button needs exactly one of url, tel, postback",
        ["notHttp"] = "'{value}' is not an http(s) address",
        ["suggestionText"] = "a suggestion needs a text",
        ["unknownPromptType"] = "unknown prompt type '{value}' (use {types})",
        ["promptText"] = "a prompt needs a text",
        ["maxRetries"] = "max_retries must be between {from} and {to}",
        ["maxBelowMin"] = "max must not be below min",
        ["choices"] = "a choice prompt needs choices",
        ["choicesOnlyForChoice"] = "choices are only for 'ask: choice'",
        ["duplicateChoices"] = "duplicate choice values",
        ["choiceValue"] = "a choice needs a value",
        ["choiceLabel"] = "a choice needs a label",
        ["branchCase"] = "a branch needs at least one case",
        ["caseNext"] = "a case needs next",
        ["actionFormat"] = "write plugin.function, e.g. datetime.today",
        ["unknownPlugin"] = "unknown plugin '{plugin}' (known: {plugins})",
        ["unknownFunction"] = "plugin '{plugin}' has no function '{function}'",
        ["actionSave"] = "an action result goes into a variable (var.<name>)",
        ["recommendKind"] = "use 'life_situation' or 'text'",
        ["unknownMeter"] = "'{value}' is not a 3X10D meter ({meters})",
        ["recommendLimit"] = "limit must be between {from} and {to}",
        ["recommendSave"] = "the recommendation id goes into a variable (var.<name>)",
        ["targetGroup"] = "'{value}' is not a filterable target group (KR1, KR2, KR3)",
        ["unknownBot"] = "unknown bot '{value}'",
        ["handoffSelf"] = "a bot cannot hand off to itself",
        // bot.yaml and shared.yaml
        ["botId"] = "the bot needs an id",
        ["botIdFolder"] = "the id must equal the folder name ('{expected}')",
        ["botName"] = "the bot needs a name",
        ["botOrganisation"] = "the bot needs an organisation",
        ["botDescription"] = "the bot needs a description",
        ["botLanguages"] = "list the bot's languages (fi, sv, en)",
        ["duplicateLanguages"] = "duplicate languages",
        ["defaultLanguage"] = "the default language must be one of the bot's languages",
        ["notUuid"] = "'{value}' is not a uuid",
        ["entryFlow"] = "name the entry flow (entry: main)",
        ["duplicateFlows"] = "duplicate flow ids",
        ["flowNotListed"] = "flow file '{file}.yaml' is not listed",
        ["receivesAttribute"] = "name the attribute",
        ["receivesPurpose"] = "say why the bot needs it (purpose)",
        ["duplicateAttributes"] = "duplicate attributes",
        ["recognise"] = "only age and municipality_code can be recognised from messages",
        ["invalidIntent"] = "'{value}' is not a valid intent name",
        ["sharedIntent"] = "duplicate intent '{value}': it is a shared intent (_shared/shared.yaml)",
        ["intentFlow"] = "name the flow this intent starts",
        ["intentLabel"] = "an intent needs a label (shown in \"did you mean …?\")",
        ["intentExamples"] = "no examples for '{value}' in intents.yaml",
        ["intentLanguageExamples"] = "no {language} examples for '{value}' in intents.yaml",
        // live chat
        ["timeZoneMissing"] = "name the organisation's time zone (e.g. Europe/Helsinki)",
        ["unknownTimeZone"] = "unknown time zone '{value}' (use an IANA name such as Europe/Helsinki)",
        ["unknownWeekday"] = "unknown weekday (use mon, tue, wed, thu, fri, sat, sun)",
        ["notTimeRange"] = "'{value}' is not a range like 09:00-16:00",
        ["notDate"] = "'{value}' is not a date like 2026-12-24",
        ["notPhone"] = "'{value}' is not a phone number (digits, spaces, an optional leading +)",
        ["notHttps"] = "'{value}' is not an https:// address",
        ["contactMissing"] = "give a phone number or a web page (or leave contact out)",
        ["invalidName"] = "'{value}' is not a valid name",
        ["cannedText"] = "write the answer in every language",
        // crisis.yaml
        ["checkedOn"] = "give the date the contacts were last checked (checked_on: YYYY-MM-DD)",
        ["checkedOnFuture"] = "{value} is in the future",
        ["crisisIntro"] = "missing intro",
        ["crisisContacts"] = "list at least one contact",
        ["duplicateContact"] = "duplicate contact id '{value}'",
        ["noCrisisContact"] = "no contact for {category} in {language}",
        ["contactId"] = "give the contact an id (lower case, digits, _)",
        ["contactName"] = "give the contact a name",
        ["contactPhoneOrUrl"] = "give a phone number or an url",
        ["crisisPhone"] = "'{value}' is not a phone number (digits and spaces, e.g. \"09 2525 0111\" or \"+358 9 2525 0111\")",
        ["contactCategories"] = "list the categories it is shown for ({categories})",
        ["unknownCategory"] = "unknown category '{value}' (use {categories})",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The English text of <paramref name="code"/> with its parameters filled in.</summary>
    public static string English(string code, IReadOnlyDictionary<string, string> args) =>
        Fill(Templates.TryGetValue(code, out var template) ? template : throw new ArgumentException($"Unknown content problem code '{code}'.", nameof(code)), args);

    /// <summary>Replaces each <c>{name}</c> that is a parameter; other braces (e.g. <c>{attr.municipality_code:name}</c>) stay.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> args)
    {
        foreach (var (name, value) in args) template = template.Replace("{" + name + "}", value, StringComparison.Ordinal);
        return template;
    }
}
