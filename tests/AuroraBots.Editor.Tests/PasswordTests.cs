using AuroraBots.Platform.Security;
using AuroraBots.Editor.Security;

namespace AuroraBots.Editor.Tests;

public sealed class PasswordTests
{
    [Fact]
    public void Hash_is_not_the_password_is_salted_and_verifies()
    {
        const string password = "Kissa123!";
        var first = PasswordHashes.Hash(password);
        var second = PasswordHashes.Hash(password);
        Assert.DoesNotContain(password, first, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        Assert.True(PasswordHashes.Verify(password, first));
        Assert.True(PasswordHashes.Verify(password, second));
        Assert.False(PasswordHashes.Verify("kissa123!", first));
        Assert.False(PasswordHashes.Verify(password, "not-a-hash"));
        Assert.False(PasswordHashes.Verify(password, password));
    }
}
