using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Tests.Infrastructure;
using AuroraBots.Dialogs.Validation;

namespace AuroraBots.Dialogs.Tests;

/// <summary>_shared/crisis.yaml is content an editor changes: mistakes come back as clear errors with file and path.</summary>
public sealed class CrisisContentValidationTests : IDisposable
{
    private const string File = "_shared/crisis.yaml";
    private readonly TempDialogs _dialogs = TestContent.CreateEngineDialogs();

    public void Dispose() => _dialogs.Dispose();

    private IReadOnlyList<string> Errors() =>
        [.. new DialogContentLoader(new DialogContentValidator()).Load(_dialogs.Path).Errors.Select(e => e.ToString())];

    private void Edit(string from, string to)
    {
        var text = System.IO.File.ReadAllText(_dialogs.File(File));
        Assert.Contains(from, text);
        System.IO.File.WriteAllText(_dialogs.File(File), text.Replace(from, to));
    }

    private void AssertError(string path, string message)
    {
        var errors = Errors();
        Assert.Contains(errors, e => e.Contains(File) && e.Contains(path) && e.Contains(message));
    }

    [Fact]
    public void TheShippedContactsAreValidAndEveryCategoryHasContactsInEveryLanguage()
    {
        Assert.DoesNotContain(Errors(), e => e.Contains(File));
        var crisis = new DialogContentLoader(new DialogContentValidator()).Load(_dialogs.Path).Content!.Shared.Crisis!;
        Assert.Contains(crisis.Contacts, c => c.Phone == "112" && c.Categories.Count == 4);
        Assert.Contains(crisis.Contacts, c => c.Phone == "080 005 005" && c.Categories.Contains("violence"));
    }

    [Fact]
    public void AMissingFileIsAnError()
    {
        System.IO.File.Delete(_dialogs.File(File));
        Assert.Contains(Errors(), e => e.Contains(File) && e.Contains("file is missing"));
    }

    [Fact]
    public void APhoneNumberMustBeDialable() => AssertPhone("09 2525 011x");

    private void AssertPhone(string bad)
    {
        Edit("phone: \"09 2525 0111\"", $"phone: \"{bad}\"");
        AssertError("contacts[1].phone", "is not a phone number");
    }

    [Fact]
    public void TheCheckedOnDateIsRequired()
    {
        Edit("checked_on: 2026-12-04", "checked_on: soon");
        AssertError("checked_on", "YYYY-MM-DD");
    }

    [Fact]
    public void ACategoryWithoutAContactInALanguageIsNamed()
    {
        Edit("categories: [violence]", "categories: [violence]\n    languages: [fi]");
        // Nollalinja was the only violence-only contact, but the crisis lines cover violence too: still valid.
        Assert.DoesNotContain(Errors(), e => e.Contains(File));
        Edit("categories: [emergency, self_harm, violence, sexual_abuse]", "categories: [self_harm, violence, sexual_abuse]");
        AssertError("contacts", "no contact for emergency in fi");
    }

    [Fact]
    public void UnknownCategoriesMissingTranslationsAndIntrosAreNamed()
    {
        Edit("categories: [violence]", "categories: [violense]");
        Edit("  emergency:\n    fi: \"Tämä kuulostaa", "  emergency:\n    fo: \"Tämä kuulostaa");
        var errors = Errors();
        Assert.Contains(errors, e => e.Contains("contacts[4].categories[0]") && e.Contains("unknown category 'violense'"));
        Assert.Contains(errors, e => e.Contains("intro.emergency.fi") && e.Contains("missing translation"));
    }

    [Fact]
    public void AnUrlMustBeHttps()
    {
        Edit("url: \"https://sekasin.fi\"", "url: \"http://sekasin.fi\"");
        AssertError("contacts[6].url", "https://");
    }
}
