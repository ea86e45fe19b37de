namespace AuroraBots.Handoff.Tests;

public class PlaceholderTests
{
    [Fact]
    public void Builds() => Assert.True(typeof(PlaceholderTests).Assembly.GetName().Name!.Length > 0);
}
