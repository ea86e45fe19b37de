using AuroraBots.AuroraAI;
using AuroraBots.AuroraAI.Models;
using AuroraBots.Dialogs.Handoff;

namespace AuroraBots.Dialogs.Tests.Infrastructure;

/// <summary>Test double of the AuroraAI client for engine unit tests (the transcript tests use the real network).</summary>
public sealed class FakeAuroraAiClient : IAuroraAiClient
{
    public List<object> Requests { get; } = [];
    public List<RecommendationFeedback> Feedback { get; } = [];
    public Func<int, List<RecommendedService>> Services { get; set; } = limit => [.. Enumerable.Range(1, limit).Select(Service)];
    public bool Unavailable { get; set; }

    /// <summary>Odd services are Turku's (853), even ones nationwide; each has a web page, a phone and a location channel.</summary>
    public static RecommendedService Service(int i) => new()
    {
        ServiceId = $"00000000-0000-4000-8000-{i:D12}",
        ServiceName = $"Service {i}",
        ServiceDescriptionSummary = $"Summary {i}",
        SimilarityScore = Math.Max(0.2, 1.0 - i / 100.0), // good matches, in the order given
        AreaType = i % 2 == 0 ? "Nationwide" : "LimitedType",
        Areas = i % 2 == 0 ? null : System.Text.Json.JsonDocument.Parse("""[{"type":"Municipality","code":"853","name":[{"language":"fi","value":"Turku"},{"language":"sv","value":"Åbo"},{"language":"en","value":"Turku"}]}]""").RootElement.Clone(),
        ResponsibleOrganization = new ResponsibleOrganization { Name = $"Org {i}" },
        ServiceChannels =
        [
            new ServiceChannel { ServiceChannelType = "WebPage", WebPages = [$"http://net.example/redirect?link={i}"] },
            new ServiceChannel { ServiceChannelType = "Phone", PhoneNumbers = [$"Neuvonta +358 40 123 45{i:D2}"] },
            new ServiceChannel { ServiceChannelType = "ServiceLocation", Address = $"Katu {i}, 00100, Helsinki", ServiceHours = ["Monday 08:00:00 - 16:00:00"] },
        ],
    };

    public Task<RecommendationResponse> RecommendServiceAsync(RecommendServiceRequest request, CancellationToken cancellationToken = default)
    {
        Requests.Add(request);
        return Answer(request.Limit ?? 5);
    }

    public Task<RecommendationResponse> TextSearchAsync(TextSearchRequest request, CancellationToken cancellationToken = default)
    {
        Requests.Add(request);
        return Answer(request.Limit ?? 5);
    }

    private Task<RecommendationResponse> Answer(int limit)
    {
        if (Unavailable) throw new AuroraAiUnavailableException("down");
        return Task.FromResult(new RecommendationResponse { AuroraaiRecommendationId = 42 + Requests.Count, RecommendedServices = Services(limit) });
    }

    public Task SendFeedbackAsync(RecommendationFeedback feedback, CancellationToken cancellationToken = default)
    {
        if (Unavailable) throw new AuroraAiUnavailableException("down");
        Feedback.Add(feedback);
        return Task.CompletedTask;
    }

    public Task<Uri> PostSessionAttributesAsync(SessionTransferRequest request, string? consentReceiptId = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<SessionAttributes?> GetSessionAttributesAsync(string accessToken, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<SessionAttributes?> GetSessionAttributesAsync(string accessToken, AuroraBots.AuroraAI.Client.AuroraClientCredentials reader, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();
}

/// <summary>Test double of the hand-off service: remembers requests and hands out one-time tokens.</summary>
public sealed class FakeHandoffService : IHandoffService
{
    private readonly Dictionary<string, (string Target, SessionAttributes Attributes)> _tokens = [];
    public List<HandoffRequest> Requests { get; } = [];
    public bool Fail { get; set; }

    public Task<HandoffTransfer> TransferAsync(HandoffRequest request, CancellationToken cancellationToken = default)
    {
        if (Fail) throw new InvalidOperationException("hand-off backend down");
        Requests.Add(request);
        var receipt = $"cr_{Requests.Count}";
        var hasAny = request.Attributes.Age is not null || request.Attributes.MunicipalityCode is not null || request.Attributes.LifeSituationMeters is not null;
        if (!hasAny) return Task.FromResult(new HandoffTransfer(receipt, null, null));
        var token = Guid.NewGuid().ToString("N");
        _tokens[token] = (request.TargetBotId, request.Attributes);
        return Task.FromResult(new HandoffTransfer(receipt, token, null));
    }

    public Task<SessionAttributes?> RedeemAsync(string targetBotId, string accessToken, CancellationToken cancellationToken = default)
    {
        if (!_tokens.Remove(accessToken, out var entry) || entry.Target != targetBotId) return Task.FromResult<SessionAttributes?>(null);
        return Task.FromResult<SessionAttributes?>(entry.Attributes);
    }

    /// <summary>Issues a token as another platform would (cross-platform hand-off via webchat/join).</summary>
    public string Issue(string target, SessionAttributes attributes)
    {
        var token = Guid.NewGuid().ToString("N");
        _tokens[token] = (target, attributes);
        return token;
    }
}
