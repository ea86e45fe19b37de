namespace AuroraBots.Handoff.Tests;

public sealed class HandoffOptionsValidatorTests
{
    private static ExternalServiceOptions Valid() => new()
    {
        Id = "kela_chat",
        Name = new() { ["fi"] = "Kelan chat", ["sv"] = "FPA:s chatt", ["en"] = "Kela chat" },
        ServiceChannelId = "2b5c8e1d-4f7a-4c3b-9d6e-8a1f2b3c4d5e",
        Receives = ["age", "life_situation_meters.finance"],
    };

    [Fact]
    public void A_complete_configuration_is_valid() =>
        Assert.Empty(HandoffOptionsValidator.Validate(new HandoffOptions { ExternalServices = [Valid()] }));

    [Fact]
    public void Each_mistake_is_named_with_its_configuration_path()
    {
        var bad = Valid();
        bad.ServiceChannelId = "2B5C8E1D-4F7A-4C3B-9D6E-8A1F2B3C4D5E";
        bad.Receives = ["city"];
        bad.Name.Remove("sv");
        var options = new HandoffOptions { SubjectKey = "c2hvcnQ=", ExternalServices = [bad, Valid(), Valid()] };

        var errors = HandoffOptionsValidator.Validate(options);

        Assert.Contains(errors, e => e.StartsWith("Handoff:SubjectKey"));
        Assert.Contains(errors, e => e.StartsWith("Handoff:ExternalServices:0:ServiceChannelId"));
        Assert.Contains(errors, e => e.StartsWith("Handoff:ExternalServices:0:Receives") && e.Contains("'city'"));
        Assert.Contains(errors, e => e == "Handoff:ExternalServices:0:Name:sv is required.");
        Assert.Contains(errors, e => e.StartsWith("Handoff:ExternalServices:2:Id") && e.Contains("twice"));
        Assert.Throws<InvalidOperationException>(() => HandoffOptionsValidator.ThrowIfInvalid(options));
    }
}
