using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AuroraBots.Editor.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public void Configuration_with_a_clear_text_password_is_refused()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Users:0:Name"] = "ella",
            ["Users:0:PasswordHash"] = "hunter2",
            ["Users:0:Roles:0"] = "editor",
        }).Build();
        var error = Assert.Throws<InvalidOperationException>(() => { new ServiceCollection().AddAuroraEditor(configuration); });
        Assert.Contains("ella", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_data_folder_inside_the_live_folder_is_refused()
    {
        var live = Path.Combine(Path.GetTempPath(), "aurora-editor-tests", Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LivePath"] = live,
            ["DataPath"] = Path.Combine(live, ".editor"),
        }).Build();
        using var provider = new ServiceCollection().AddAuroraEditor(configuration).BuildServiceProvider();
        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<EditorPathsOptions>());
        Assert.Contains("must not contain each other", error.Message, StringComparison.Ordinal);
    }
}
