using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AuroraBots.Dialogs.Content;
using AuroraBots.Editor.Localisation;

namespace AuroraBots.Editor.Tests;

/// <summary>
/// Server messages in the editor UI's language (Accept-Language or ?lang=), with codes that stay the same in every
/// language: sign-in errors, 409 conflict reasons, refusals and validation texts.
/// </summary>
public sealed class EditorTextTests
{
    [Fact]
    public void Every_message_is_written_in_every_language_with_the_same_placeholders()
    {
        foreach (var (code, texts) in EditorText.Messages)
        {
            Assert.Equal(["en", "fi", "sv"], texts.Keys.Order());
            var placeholders = System.Text.RegularExpressions.Regex.Matches(texts["en"], @"\{\w+\}").Select(m => m.Value).Order().ToList();
            foreach (var language in new[] { "fi", "sv" })
            {
                Assert.NotEqual(texts["en"], texts[language]);
                Assert.Equal(placeholders, System.Text.RegularExpressions.Regex.Matches(texts[language], @"\{\w+\}").Select(m => m.Value).Order().ToList());
            }
        }
    }

    [Theory]
    [InlineData("fi", "Väärä nimi tai salasana.")]
    [InlineData("sv-FI,sv;q=0.9,en;q=0.5", "Fel namn eller lösenord.")]
    [InlineData("de-DE", "Wrong name or password.")]
    public async Task A_wrong_password_is_refused_in_the_browsers_language_with_its_code(string acceptLanguage, string expected)
    {
        await using var host = await EditorHost.StartAsync();
        using var client = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/editor/api/session") { Content = JsonContent.Create(new { name = "pekka", password = "wrong-guess-123" }) };
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(expected, body.GetProperty("detail").GetString());
        Assert.Equal("signin.wrong", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_save_conflict_says_why_in_the_explicit_language_and_keeps_the_code()
    {
        await using var host = await EditorHost.StartAsync();
        using var editor = await host.SignedInAsync("ella");
        var (content, eTag) = await editor.ReadFileAsync("sample/main.yaml");
        Assert.True((await editor.SaveFileAsync("sample/main.yaml", content + "\n# first\n", eTag)).IsSuccessStatusCode);

        // The UI's language wins over the browser's: ?lang=sv with a Finnish Accept-Language.
        editor.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fi");
        using var stale = new HttpRequestMessage(HttpMethod.Put, "/editor/api/files/sample/main.yaml?lang=sv") { Content = JsonContent.Create(new { content = content + "\n# second\n" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", eTag);
        var response = await editor.SendAsync(stale);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("file.conflict", body.GetProperty("code").GetString());
        Assert.StartsWith("Någon annan har ändrat filen", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Validation_texts_come_in_the_ui_language_with_their_codes_and_unknown_ones_stay_in_English()
    {
        await using var host = await EditorHost.StartAsync();
        using var editor = await host.SignedInAsync("ella");
        var (content, _) = await editor.ReadFileAsync("sample/checkin.yaml");
        var broken = content.Replace("next: friends", "next: nowhere_friends", StringComparison.Ordinal);
        Assert.NotEqual(content, broken);
        editor.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fi-FI");

        var report = await (await editor.PostAsJsonAsync("/editor/api/validate", new { path = "sample/checkin.yaml", content = broken })).Content.ReadFromJsonAsync<JsonElement>();

        var errors = report.GetProperty("errors").EnumerateArray().ToList();
        Assert.NotEmpty(errors);
        var unknownStep = errors.First(e => e.GetProperty("code").GetString() == "validation.unknownStep");
        Assert.StartsWith("tuntematon vaihe 'nowhere_", unknownStep.GetProperty("message").GetString());
        Assert.All(errors, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("code").GetString())));
    }

    [Theory]
    [InlineData("sv", "missingTranslation", new string[0], "översättning saknas")]
    [InlineData("fi", "unknownPromptType", new[] { "value", "agee", "types", "text, number" }, "tuntematon vastaustyyppi 'agee' (käytä: text, number)")]
    [InlineData("en", "unknownPlaceholder", new[] { "name", "bot.nickname" }, "unknown placeholder '{bot.nickname}'")]
    [InlineData("sv", "noCrisisContact", new[] { "category", "violence", "language", "sv" }, "ingen kontakt för violence på sv")]
    public void Validation_problems_are_said_from_their_code_and_parameters(string language, string code, string[] pairs, string expected)
    {
        var args = pairs.Chunk(2).ToDictionary(p => p[0], p => p[1]);
        var problem = ValidationProblem.Of("f.yaml", "", code, args, ContentProblems.English(code, args));
        var said = EditorText.Localise(problem, language);
        Assert.Equal(("validation." + code, expected), (said.Code, said.Message));
    }

    [Fact]
    public void A_problem_without_a_known_code_keeps_its_English_text()
    {
        var said = EditorText.Localise(new ValidationProblem("f.yaml", "", "something nobody coded"), "fi");
        Assert.Equal(("validation", "something nobody coded"), (said.Code, said.Message));
    }

    /// <summary>Every code the dialog core can report has fi, sv and en text with exactly the core's parameters.</summary>
    [Fact]
    public void Every_content_problem_code_has_fi_sv_and_en_text_with_its_parameters()
    {
        var untranslated = new List<string>();
        foreach (var (code, english) in ContentProblems.Templates)
        {
            if (!EditorText.ValidationTexts.TryGetValue(code, out var texts)) { untranslated.Add(code); continue; }
            foreach (var language in EditorText.Languages)
            {
                if (!texts.TryGetValue(language, out var text) || string.IsNullOrWhiteSpace(text)) untranslated.Add($"{code} ({language})");
                else if (!Parameters(text).SetEquals(Parameters(english))) untranslated.Add($"{code} ({language}: parameters {string.Join(",", Parameters(text))})");
            }
            Assert.Equal(english, texts.GetValueOrDefault("en"));
        }
        Assert.Empty(untranslated);
    }

    [Fact]
    public void Every_validation_text_exists_in_every_language_with_the_same_parameters()
    {
        foreach (var (code, texts) in EditorText.ValidationTexts)
        {
            Assert.True(EditorText.Languages.All(texts.ContainsKey), $"{code} lacks a language");
            Assert.All(texts.Values, t => Assert.True(Parameters(t).SetEquals(Parameters(texts["en"])), $"{code}: '{t}'"));
        }
    }

    /// <summary>The <c>{name}</c> parameters of a template (not <c>{attr.municipality_code:name}</c>-style literals).</summary>
    private static HashSet<string> Parameters(string template) =>
        [.. System.Text.RegularExpressions.Regex.Matches(template, @"\{(\w+)\}").Select(m => m.Groups[1].Value)];
}
