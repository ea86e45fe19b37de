using System.Globalization;

namespace AuroraBots.Dialogs.Conditions;

/// <summary>A parsed branch condition, e.g. <c>attr.age &lt; 18 and known(attr.municipality_code)</c>.</summary>
public abstract record Condition
{
    /// <summary>A condition that never holds (stands in for one that does not parse).</summary>
    public static Condition Never { get; } = new Literal(false);

    /// <summary>Evaluates against a resolver of names (<c>attr.age</c>, <c>var.x</c>) to values (null = unknown).</summary>
    public bool IsTrue(Func<string, string?> resolve) => Truthy(Evaluate(resolve));

    internal abstract object? Evaluate(Func<string, string?> resolve);

    /// <summary>Every name the condition reads, for validation.</summary>
    public abstract IEnumerable<string> References();

    internal static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0 && s != "false" && s != "no",
        double d => d != 0,
        _ => true,
    };
}

internal sealed record Literal(object? Value) : Condition
{
    internal override object? Evaluate(Func<string, string?> resolve) => Value;
    public override IEnumerable<string> References() => [];
}

internal sealed record Reference(string Name) : Condition
{
    internal override object? Evaluate(Func<string, string?> resolve) => resolve(Name);
    public override IEnumerable<string> References() => [Name];
}

internal sealed record Known(string Name) : Condition
{
    internal override object? Evaluate(Func<string, string?> resolve) => !string.IsNullOrEmpty(resolve(Name));
    public override IEnumerable<string> References() => [Name];
}

internal sealed record Not(Condition Operand) : Condition
{
    internal override object? Evaluate(Func<string, string?> resolve) => !Truthy(Operand.Evaluate(resolve));
    public override IEnumerable<string> References() => Operand.References();
}

internal sealed record Logical(string Operator, Condition Left, Condition Right) : Condition
{
    internal override object? Evaluate(Func<string, string?> resolve) => Operator == "and"
        ? Truthy(Left.Evaluate(resolve)) && Truthy(Right.Evaluate(resolve))
        : Truthy(Left.Evaluate(resolve)) || Truthy(Right.Evaluate(resolve));
    public override IEnumerable<string> References() => Left.References().Concat(Right.References());
}

internal sealed record InList(Condition Operand, IReadOnlyList<Condition> Items) : Condition
{
    internal override object? Evaluate(Func<string, string?> resolve)
    {
        var value = Operand.Evaluate(resolve);
        return value is not null && Items.Any(item => Comparison.AreEqual(value, item.Evaluate(resolve)));
    }
    public override IEnumerable<string> References() => Operand.References().Concat(Items.SelectMany(i => i.References()));
}

internal sealed record Comparison(string Operator, Condition Left, Condition Right) : Condition
{
    internal override object? Evaluate(Func<string, string?> resolve)
    {
        var left = Left.Evaluate(resolve);
        var right = Right.Evaluate(resolve);
        if (Operator == "==") return AreEqual(left, right);
        if (Operator == "!=") return !AreEqual(left, right);
        // Ordering needs two known numbers (or two strings); an unknown value never satisfies it.
        if (left is null || right is null) return false;
        int order;
        if (AsNumber(left) is { } l && AsNumber(right) is { } r) order = l.CompareTo(r);
        else order = string.CompareOrdinal(Convert.ToString(left, CultureInfo.InvariantCulture), Convert.ToString(right, CultureInfo.InvariantCulture));
        return Operator switch { "<" => order < 0, "<=" => order <= 0, ">" => order > 0, _ => order >= 0 };
    }

    public override IEnumerable<string> References() => Left.References().Concat(Right.References());

    internal static bool AreEqual(object? left, object? right)
    {
        if (left is null || right is null) return left is null && right is null;
        if (AsNumber(left) is { } l && AsNumber(right) is { } r) return l == r;
        if (left is bool || right is bool) return Truthy(left) == Truthy(right);
        return string.Equals(Convert.ToString(left, CultureInfo.InvariantCulture), Convert.ToString(right, CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase);
    }

    private static double? AsNumber(object value) => value switch
    {
        double d => d,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };
}
