using System.Globalization;

namespace AuroraBots.Dialogs.Conditions;

/// <summary>A condition that does not parse; <see cref="Position"/> is 1-based.</summary>
public sealed class ConditionSyntaxException(string message, int position) : Exception($"{message} at position {position}")
{
    public int Position { get; } = position;
}

/// <summary>
/// Recursive-descent parser for branch conditions:
/// <c>or</c> &lt; <c>and</c> &lt; <c>not</c> &lt; comparison (<c>== != &lt; &lt;= &gt; &gt;= in</c>) &lt; operand.
/// </summary>
public sealed class ConditionParser
{
    private readonly string _text;
    private int _pos;

    private ConditionParser(string text) => _text = text;

    public static Condition Parse(string text)
    {
        var parser = new ConditionParser(text);
        var condition = parser.ParseOr();
        parser.SkipSpace();
        if (parser._pos < text.Length) throw new ConditionSyntaxException($"unexpected '{text[parser._pos]}'", parser._pos + 1);
        return condition;
    }

    private Condition ParseOr()
    {
        var left = ParseAnd();
        while (TryKeyword("or")) left = new Logical("or", left, ParseAnd());
        return left;
    }

    private Condition ParseAnd()
    {
        var left = ParseNot();
        while (TryKeyword("and")) left = new Logical("and", left, ParseNot());
        return left;
    }

    private Condition ParseNot() => TryKeyword("not") ? new Not(ParseNot()) : ParseComparison();

    private Condition ParseComparison()
    {
        var left = ParseOperand();
        SkipSpace();
        foreach (var op in new[] { "==", "!=", "<=", ">=", "<", ">" })
        {
            if (string.CompareOrdinal(_text, _pos, op, 0, op.Length) != 0) continue;
            _pos += op.Length;
            return new Comparison(op, left, ParseOperand());
        }
        if (TryKeyword("in"))
        {
            Expect('[');
            var items = new List<Condition>();
            SkipSpace();
            if (!TryChar(']'))
            {
                do items.Add(ParseOperand()); while (TryChar(','));
                Expect(']');
            }
            return new InList(left, items);
        }
        return left;
    }

    private Condition ParseOperand()
    {
        SkipSpace();
        if (_pos >= _text.Length) throw new ConditionSyntaxException("expected a value", _pos + 1);
        var c = _text[_pos];
        if (c == '(')
        {
            _pos++;
            var inner = ParseOr();
            Expect(')');
            return inner;
        }
        if (c is '\'' or '"')
        {
            var end = _text.IndexOf(c, _pos + 1);
            if (end < 0) throw new ConditionSyntaxException("unterminated string", _pos + 1);
            var value = _text[(_pos + 1)..end];
            _pos = end + 1;
            return new Literal(value);
        }
        if (char.IsDigit(c) || (c == '-' && _pos + 1 < _text.Length && char.IsDigit(_text[_pos + 1])))
        {
            var start = _pos++;
            while (_pos < _text.Length && (char.IsDigit(_text[_pos]) || _text[_pos] == '.')) _pos++;
            return new Literal(double.Parse(_text[start.._pos], CultureInfo.InvariantCulture));
        }
        if (char.IsLetter(c) || c == '_')
        {
            var start = _pos;
            var name = ReadName();
            switch (name)
            {
                case "true": return new Literal(true);
                case "false": return new Literal(false);
                case "null": return new Literal(null);
                case "known":
                    Expect('(');
                    SkipSpace();
                    var argStart = _pos;
                    var argument = ReadName();
                    if (argument.Length == 0 || !argument.Contains('.')) throw new ConditionSyntaxException("known() needs a name like attr.age", argStart + 1);
                    Expect(')');
                    return new Known(argument);
            }
            if (!name.Contains('.')) throw new ConditionSyntaxException($"unknown name '{name}' (use attr.…, var.… or conv.language)", start + 1);
            return new Reference(name);
        }
        throw new ConditionSyntaxException($"expected a value, found '{c}'", _pos + 1);
    }

    private string ReadName()
    {
        var start = _pos;
        while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] is '_' or '.')) _pos++;
        return _text[start.._pos];
    }

    private bool TryKeyword(string keyword)
    {
        SkipSpace();
        var end = _pos + keyword.Length;
        if (end > _text.Length || string.CompareOrdinal(_text, _pos, keyword, 0, keyword.Length) != 0) return false;
        if (end < _text.Length && (char.IsLetterOrDigit(_text[end]) || _text[end] == '_')) return false;
        _pos = end;
        return true;
    }

    private bool TryChar(char c)
    {
        SkipSpace();
        if (_pos < _text.Length && _text[_pos] == c) { _pos++; return true; }
        return false;
    }

    private void Expect(char c)
    {
        if (!TryChar(c)) throw new ConditionSyntaxException($"expected '{c}'", _pos + 1);
    }

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos])) _pos++;
    }
}
