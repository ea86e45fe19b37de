using AuroraBots.Handoff.Ledger;

namespace AuroraBots.Handoff.Tests;

public sealed class SubjectPseudonymizerTests
{
    private static readonly byte[] KeyA = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private static readonly byte[] KeyB = [.. Enumerable.Range(2, 32).Select(i => (byte)i)];

    [Fact]
    public void The_same_ids_give_the_same_pseudonym_which_reveals_nothing()
    {
        var p = new SubjectPseudonymizer(KeyA);
        var subject = p.Pseudonymize("conv-123", "dl_user-9");

        Assert.Equal(subject, new SubjectPseudonymizer(KeyA).Pseudonymize("conv-123", "dl_user-9"));
        Assert.DoesNotContain("conv-123", subject);
        Assert.DoesNotContain("user-9", subject);
    }

    [Fact]
    public void Another_key_user_or_conversation_gives_another_pseudonym()
    {
        var a = new SubjectPseudonymizer(KeyA);
        var subject = a.Pseudonymize("conv-123", "u");
        Assert.NotEqual(subject, new SubjectPseudonymizer(KeyB).Pseudonymize("conv-123", "u"));
        Assert.NotEqual(subject, a.Pseudonymize("conv-124", "u"));
        Assert.NotEqual(subject, a.Pseudonymize("conv-12", "3u"));
    }

    [Fact]
    public void A_short_key_is_refused() => Assert.Throws<ArgumentException>(() => new SubjectPseudonymizer(new byte[8]));
}
