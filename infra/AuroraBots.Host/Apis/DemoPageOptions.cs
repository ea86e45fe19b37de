namespace AuroraBots.Host.Apis;

/// <summary>The <c>DemoPage</c> section: which bots the demo page at <c>/</c> leaves out.</summary>
public sealed class DemoPageOptions
{
    public const string SectionName = "DemoPage";

    /// <summary>Bot ids served by the host but not shown to visitors (the internal sample bot used by tests and docs).</summary>
    public List<string> HiddenBots { get; set; } = [];
}
