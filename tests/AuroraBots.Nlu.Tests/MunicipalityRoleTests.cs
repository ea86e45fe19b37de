namespace AuroraBots.Nlu.Tests;

/// <summary>What a municipality is to the user: where they live, move from or move to (mixed-initiative messages).</summary>
public class MunicipalityRoleTests
{
    private static (string Code, string? Role)[] Roles(string text, string language) =>
        [.. EntityRecognizer.Recognize(text, language).Where(e => e.Type == EntityTypes.Municipality).Select(e => (e.Value, e.Role))];

    [Theory]
    [InlineData("muutan Tampereelta Ouluun ensi kuussa", "fi", "837", EntityRoles.MovingFrom, "564", EntityRoles.MovingTo)]
    [InlineData("Tampereelta Ouluun ensi kuussa", "fi", "837", EntityRoles.MovingFrom, "564", EntityRoles.MovingTo)]
    [InlineData("muutamme Helsingistä Espooseen", "fi", "091", EntityRoles.MovingFrom, "049", EntityRoles.MovingTo)]
    [InlineData("olen muuttamassa Turusta Tampereelle", "fi", "853", EntityRoles.MovingFrom, "837", EntityRoles.MovingTo)]
    [InlineData("jag flyttar från Tammerfors till Uleåborg", "sv", "837", EntityRoles.MovingFrom, "564", EntityRoles.MovingTo)]
    [InlineData("I'm moving from Tampere to Oulu next month", "en", "837", EntityRoles.MovingFrom, "564", EntityRoles.MovingTo)]
    public void A_move_has_a_from_and_a_to_municipality(string text, string language, string from, string fromRole, string to, string toRole)
    {
        Assert.Equal([(from, fromRole), (to, toRole)], Roles(text, language));
    }

    [Theory]
    [InlineData("ei, asun Espoossa", "fi", "049")]
    [InlineData("asun Tampereella", "fi", "837")]
    [InlineData("jag bor i Esbo", "sv", "049")]
    [InlineData("I live in Espoo", "en", "049")]
    [InlineData("what support is there in Espoo", "en", "049")]
    public void Where_I_live_is_home(string text, string language, string code)
    {
        Assert.Equal([(code, EntityRoles.Home)], Roles(text, language));
    }

    [Theory]
    [InlineData("muutan Ouluun", "fi", "564")]
    [InlineData("flyttar till Åbo i sommar", "sv", "853")]
    [InlineData("moving to Turku", "en", "853")]
    public void Moving_somewhere_is_the_destination(string text, string language, string code)
    {
        Assert.Equal([(code, EntityRoles.MovingTo)], Roles(text, language));
    }

    [Theory]
    [InlineData("moi, oon 15v ja etin kesäduunia jyväskylästä", "fi", "179")] // colloquial "from" = a job IN Jyväskylä
    [InlineData("Oulu", "fi", "564")]
    [InlineData("Espoo", "en", "049")]
    public void Without_a_move_there_is_no_from_or_to(string text, string language, string code)
    {
        var roles = Roles(text, language);
        Assert.Equal(code, Assert.Single(roles).Code);
        Assert.DoesNotContain(roles, r => r.Role is EntityRoles.MovingFrom or EntityRoles.MovingTo);
    }

    [Theory]
    [InlineData("moi, oon 15v ja etin kesäduunia jyväskylästä", "fi", "15")]
    [InlineData("oon 16 ja tarviin kesätyön", "fi", "16")]
    [InlineData("olen 16-vuotias", "fi", "16")]
    [InlineData("itse asiassa olen 17", "fi", "17")]
    [InlineData("I'm 15 and need a summer job", "en", "15")]
    [InlineData("jag är 15 och söker sommarjobb", "sv", "15")]
    public void The_age_in_a_message_about_something_else_is_found(string text, string language, string age)
    {
        Assert.Equal(age, Assert.Single(EntityRecognizer.Recognize(text, language), e => e.Type == EntityTypes.Age).Value);
    }
}
