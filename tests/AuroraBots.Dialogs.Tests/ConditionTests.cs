using AuroraBots.Dialogs.Conditions;

namespace AuroraBots.Dialogs.Tests;

public class ConditionTests
{
    private static readonly Dictionary<string, string?> Values = new()
    {
        ["attr.age"] = "17", ["var.feeling"] = "bad", ["attr.municipality_code"] = "837", ["var.empty"] = "",
    };

    private static bool Eval(string condition) => ConditionParser.Parse(condition).IsTrue(name => Values.GetValueOrDefault(name));

    [Theory]
    [InlineData("attr.age < 18", true)]
    [InlineData("attr.age >= 18", false)]
    [InlineData("attr.age == 17 and var.feeling == 'bad'", true)]
    [InlineData("attr.age == 17 and var.feeling == 'good'", false)]
    [InlineData("attr.age > 20 or var.feeling != 'good'", true)]
    [InlineData("not (attr.age < 18)", false)]
    [InlineData("known(attr.municipality_code) and not known(attr.life_situation_meters.friends)", true)]
    [InlineData("known(var.empty)", false)]
    [InlineData("var.feeling in ['ok', 'bad']", true)]
    [InlineData("var.missing in ['ok', 'bad']", false)]
    [InlineData("var.missing == null", true)]
    [InlineData("var.missing < 5", false)]
    [InlineData("attr.age == '17'", true)]
    [InlineData("attr.age < 9", false)] // numbers compare as numbers, not strings ("17" < "9")
    public void Evaluates(string condition, bool expected) => Assert.Equal(expected, Eval(condition));

    [Theory]
    [InlineData("attr.age <", "expected a value at position 11")]
    [InlineData("attr.age == 'x", "unterminated string")]
    [InlineData("age > 3", "unknown name 'age'")]
    [InlineData("attr.age > 3 xor 2", "unexpected 'x'")]
    [InlineData("known(age)", "known() needs a name like attr.age")]
    public void RejectsBadSyntax(string condition, string message)
    {
        var error = Assert.Throws<ConditionSyntaxException>(() => ConditionParser.Parse(condition));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void ListsReferences() =>
        Assert.Equal(["attr.age", "var.a", "var.b"], ConditionParser.Parse("attr.age > 1 and (var.a == var.b)").References());
}
