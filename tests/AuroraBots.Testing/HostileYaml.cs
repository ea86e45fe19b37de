namespace AuroraBots.Testing;

/// <summary>YAML texts from the attacks of issue 15, shared by the regression tests of the loader and the editor.</summary>
public static class HostileYaml
{
    /// <summary>Flow lists nested <paramref name="levels"/> deep (50,000 overflowed the stack of the recursive readers).</summary>
    public static string Deep(int levels) => "steps: " + new string('[', levels) + new string(']', levels) + "\n";

    /// <summary>The "billion laughs": each anchor repeats the previous one ten times (10^(levels+1) scalars once expanded).</summary>
    public static string AliasBomb(int levels)
    {
        var lines = new List<string> { "a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i <= levels; i++)
            lines.Add($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]");
        return string.Join('\n', lines) + "\nsteps: []\n";
    }
}
