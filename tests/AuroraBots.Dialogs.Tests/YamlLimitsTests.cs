using System.Diagnostics;
using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Tests.Infrastructure;
using AuroraBots.Dialogs.Validation;
using YamlDotNet.Core;

namespace AuroraBots.Dialogs.Tests;

/// <summary>Issue 15, items 1–2: hostile YAML (deep, aliased, huge) is refused before anything recursive or expanding sees it.</summary>
public class YamlLimitsTests
{
    [Fact]
    public void Fifty_thousand_levels_are_refused_without_recursion()
    {
        var error = Assert.Throws<YamlLimitException>(() => SafeYaml.Check(HostileYaml.Deep(50_000)));
        Assert.Contains("nested deeper than 64", SafeYaml.Describe(error));
    }

    [Fact]
    public void An_alias_bomb_is_refused_by_its_expanded_size_in_milliseconds()
    {
        var watch = Stopwatch.StartNew();
        var error = Assert.Throws<YamlLimitException>(() => SafeYaml.LoadRoot(HostileYaml.AliasBomb(9)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.Contains("more than 100000 values", SafeYaml.Describe(error));
    }

    [Fact]
    public void Aliases_within_the_limits_still_load()
    {
        var root = SafeYaml.LoadRoot(HostileYaml.AliasBomb(2));
        Assert.NotNull(root);
    }

    [Fact]
    public void Limits_are_configuration()
    {
        var strict = new YamlLimits { MaxDepth = 3, MaxAliases = 1, MaxBytes = 100, MaxNodes = 10 };
        Assert.Throws<YamlLimitException>(() => SafeYaml.Check("a: [[[x]]]", strict));
        Assert.Throws<YamlLimitException>(() => SafeYaml.Check("a: &a x\nb: *a\nc: *a", strict));
        Assert.Throws<YamlLimitException>(() => SafeYaml.Check(new string('x', 101), strict));
        Assert.Throws<YamlLimitException>(() => SafeYaml.Check("[1,2,3,4,5,6,7,8,9,10,11]", strict));
        SafeYaml.Check("a: [[x]]", strict);
    }

    [Fact]
    public void A_multibyte_file_is_counted_in_utf8_bytes()
    {
        var limits = new YamlLimits { MaxBytes = 300 };
        SafeYaml.Check("a: " + new string('e', 200), limits);
        Assert.Throws<YamlLimitException>(() => SafeYaml.Check("a: " + new string('€', 100), limits)); // 300 + 3 bytes
    }

    [Fact]
    public void Cancellation_stops_the_walk()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => SafeYaml.Check("[" + string.Join(",", Enumerable.Repeat("x", 5000)) + "]", cancellationToken: cancelled.Token));
    }

    [Fact]
    public void The_loader_reports_a_bomb_in_a_flow_as_an_error_of_that_file()
    {
        using var dialogs = TestContent.CreateEngineDialogs();
        var flow = Directory.EnumerateFiles(Path.Combine(dialogs.Path, "sample"), "*.yaml").First(f => !f.EndsWith("bot.yaml") && !f.EndsWith("texts.yaml") && !Path.GetFileName(f).StartsWith("intents"));
        File.WriteAllText(flow, HostileYaml.AliasBomb(9));
        var deepFile = Path.Combine(dialogs.Path, "sample", "deep.yaml");
        File.WriteAllText(deepFile, HostileYaml.Deep(50_000));
        var result = new DialogContentLoader(new DialogContentValidator()).Load(dialogs.Path);
        var errors = result.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains(errors, e => e.Contains(Path.GetFileName(flow)) && e.Contains("aliases count as what they repeat"));
        Assert.Contains(errors, e => e.Contains("deep.yaml") && e.Contains("nested deeper than"));
    }

    [Fact]
    public void The_loader_refuses_an_oversized_file_before_reading_it()
    {
        using var dialogs = TestContent.CreateEngineDialogs();
        File.WriteAllText(Path.Combine(dialogs.Path, "sample", "huge.yaml"), "steps: []\n# " + new string('x', 600_000));
        var errors = new DialogContentLoader(new DialogContentValidator(), new YamlLimits()).Load(dialogs.Path).Errors.Select(e => e.ToString());
        Assert.Contains(errors, e => e.Contains("huge.yaml") && e.Contains("at most 524288 are allowed"));
    }

    [Fact]
    public void Errors_name_no_dotnet_types()
    {
        using var dialogs = TestContent.CreateEngineDialogs();
        File.WriteAllText(Path.Combine(dialogs.Path, "sample", "typed.yaml"), "steps:\n  a: b\n");
        File.WriteAllText(Path.Combine(dialogs.Path, "sample", "typed2.yaml"), "steps: [ { say: [1, 2] } ]\n");
        var errors = new DialogContentLoader(new DialogContentValidator()).Load(dialogs.Path).Errors.Select(e => e.ToString()).ToList();
        Assert.Contains(errors, e => e.Contains("typed.yaml"));
        Assert.DoesNotContain(errors, e => e.Contains("AuroraBots.") || e.Contains("System.") || e.Contains("YamlDotNet"));
    }
}
