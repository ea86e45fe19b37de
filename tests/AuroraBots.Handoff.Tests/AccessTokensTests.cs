namespace AuroraBots.Handoff.Tests;

public sealed class AccessTokensTests
{
    private const string Token = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("https://work.example/?auroraai_access_token=" + Token)]
    [InlineData("https://work.example/page?lang=fi&auroraai_access_token=" + Token + "&x=1")]
    // The original /redirect appends "?" even after an existing query.
    [InlineData("https://work.example/page?lang=fi?session_id=s&auroraai_access_token=" + Token)]
    public void The_token_is_read_from_every_url_shape_the_network_returns(string url) =>
        Assert.Equal(Token, AccessTokens.FromUrl(new Uri(url)));

    [Theory]
    [InlineData("https://work.example/")]
    [InlineData("https://work.example/?auroraai_access_token=")]
    [InlineData("https://work.example/?auroraai_access_token=xyz")]
    public void A_url_without_a_well_formed_token_gives_none(string url) => Assert.Null(AccessTokens.FromUrl(new Uri(url)));

    [Fact]
    public void The_hash_is_stable_case_insensitive_and_not_the_token()
    {
        var hash = AccessTokens.Hash(Token);
        Assert.Equal(hash, AccessTokens.Hash(Token.ToUpperInvariant()));
        Assert.NotEqual(Token, hash);
        Assert.Equal(64, hash.Length);
    }
}
