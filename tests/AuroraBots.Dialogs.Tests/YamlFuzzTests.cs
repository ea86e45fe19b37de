using System.Diagnostics;
using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Tests.Infrastructure;
using AuroraBots.Dialogs.Transcripts;
using AuroraBots.Dialogs.Validation;
using CsCheck;
using YamlDotNet.Core;

namespace AuroraBots.Dialogs.Tests;

/// <summary>
/// Fuzz and abuse suite (issue 15), YAML part: generated documents (content-shaped with wrong types, deep, aliased,
/// huge, not YAML) through the safe reader, the content loader with its validator, and the transcript-test parser.
/// Nothing but a <see cref="YamlException"/> may escape the readers, the loader never throws, and each case is fast.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class YamlFuzzTests
{
    [Fact]
    public void Generated_yaml_is_parsed_or_refused_never_crashes()
    {
        var cases = 0;
        FuzzInputs.Yaml.Sample(yaml =>
        {
            cases++;
            var watch = Stopwatch.StartNew();
            try { SafeYaml.LoadRoot(yaml); } catch (YamlException) { }
            try { TranscriptRunner.Parse(yaml); } catch (YamlException) { }
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        }, iter: 600, threads: 1);
        FuzzReport.Record("yaml-reader", cases);
    }

    [Fact]
    public void Generated_flows_go_through_the_loader_and_validator_as_errors_of_their_file()
    {
        using var dialogs = TestContent.CreateEngineDialogs();
        var loader = new DialogContentLoader(new DialogContentValidator());
        var file = dialogs.File("sample/fuzz.yaml");
        var cases = 0;
        FuzzInputs.Yaml.Sample(yaml =>
        {
            cases++;
            File.WriteAllText(file, yaml);
            var watch = Stopwatch.StartNew();
            var result = loader.Load(dialogs.Path);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
            // Whatever the file holds, the other bots still load; problems are reported, never thrown.
            Assert.NotNull(result.Content);
            Assert.Contains("sample", result.Content.Bots.Keys);
        }, iter: 120, threads: 1);
        FuzzReport.Record("yaml-loader", cases);
    }
}
