using AuroraBots.Editor.Security;

namespace AuroraBots.Editor.Tests;

public sealed class PasswordTests
{
    [Fact]
    public void Hash_is_not_the_password_is_salted_and_verifies()
    {
        const string password = "Kissa123!";
        var first = EditorPasswords.Hash(password);
        var second = EditorPasswords.Hash(password);
        Assert.DoesNotContain(password, first, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        Assert.True(EditorPasswords.Verify(password, first));
        Assert.True(EditorPasswords.Verify(password, second));
        Assert.False(EditorPasswords.Verify("kissa123!", first));
        Assert.False(EditorPasswords.Verify(password, "not-a-hash"));
        Assert.False(EditorPasswords.Verify(password, password));
    }
}
