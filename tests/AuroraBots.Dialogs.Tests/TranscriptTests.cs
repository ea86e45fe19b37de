using AuroraBots.Cli.Hosting;
using AuroraBots.Dialogs.Content;
using AuroraBots.Dialogs.Tests.Infrastructure;
using AuroraBots.Dialogs.Transcripts;
using AuroraBots.Dialogs.Validation;

namespace AuroraBots.Dialogs.Tests;

/// <summary>
/// Every transcript test of every bot under bots/, in every language it declares, against the engine
/// with the real local AuroraAI network, the real hand-off service and Redis state.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class TranscriptTests(RedisFixture redis, TranscriptTests.HostFixture hosts) : IClassFixture<TranscriptTests.HostFixture>
{
    public sealed class HostFixture : IAsyncLifetime
    {
        private TranscriptHost? _host;

        public async Task<TranscriptHost> GetAsync(string redisEndpoint) =>
            _host ??= await TranscriptHost.StartAsync(TestContent.RepoDialogs, redisEndpoint);

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync()
        {
            if (_host is not null) await _host.DisposeAsync();
        }
    }

    public static TheoryData<string, string> Cases()
    {
        var content = new DialogContentLoader(new DialogContentValidator()).Load(TestContent.RepoDialogs).Content!;
        var data = new TheoryData<string, string>();
        var unreadable = new List<TranscriptResult>();
        foreach (var testCase in TranscriptRunner.Discover(content, unreadable)) data.Add(testCase.RelativeFile, testCase.Language);
        foreach (var bad in unreadable) data.Add(bad.File, "-");
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Transcript(string file, string language)
    {
        var host = await hosts.GetAsync(redis.Configuration);
        var runner = host.Runner;
        var content = new DialogContentLoader(new DialogContentValidator()).Load(TestContent.RepoDialogs).Content!;
        var unreadable = new List<TranscriptResult>();
        var testCase = TranscriptRunner.Discover(content, unreadable).SingleOrDefault(c => c.RelativeFile == file && c.Language == language);
        Assert.True(testCase is not null, string.Join("\n", unreadable));
        var result = await runner.RunAsync(testCase);
        Assert.True(result.Passed, result.ToString());
    }

    [Fact]
    public async Task AFailingTranscriptReportsTheTurnExpectationAndReplies()
    {
        var host = await hosts.GetAsync(redis.Configuration);
        var test = TranscriptRunner.Parse("""
            turns:
              - join: true
              - user: "ask how I am"
                bot:
                  - contains: "What is your shoe size?"
            """)!;
        var result = await host.Runner.RunAsync(new TranscriptCase("x.yaml", "sample/tests/x.yaml", "sample", "en", test));
        Assert.False(result.Passed);
        Assert.Contains("turns[1] (user: \"ask how I am\"): bot[0]: no reply matches (text does not contain \"What is your shoe size?\")", result.Failure);
        Assert.Contains("[sample] How old are you?", result.Failure);
    }

    [Fact]
    public async Task PlatformPluginsAreAvailableToFlows()
    {
        var host = await hosts.GetAsync(redis.Configuration);
        var kernel = (Microsoft.SemanticKernel.Kernel)host.Services.GetService(typeof(Microsoft.SemanticKernel.Kernel))!;
        var names = kernel.Plugins.Select(p => p.Name).ToList();
        foreach (var expected in new[] { "auroraai", "consent", "datetime", "text" }) Assert.Contains(expected, names);
        var search = Engine.KernelActionCatalog.Find(kernel, "auroraai.search_services").Function;
        Assert.NotNull(search);
    }
}
