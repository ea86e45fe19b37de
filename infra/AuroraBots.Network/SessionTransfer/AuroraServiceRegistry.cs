using System.Security.Cryptography;
using System.Text;
using AuroraBots.AuroraAI.Models;
using AuroraBots.Network.Validation;
using Microsoft.Extensions.Options;

namespace AuroraBots.Network.SessionTransfer;

/// <summary>
/// Thread-safe in-memory registry, seeded from configuration (and the development client unless disabled).
/// Secrets are kept only as SHA-256 hashes and compared in constant time.
/// </summary>
internal sealed class AuroraServiceRegistry : IAuroraServiceRegistry
{
    private static readonly HashSet<string> KnownAttributes = ["age", "municipality_code", "life_situation_meters"];

    private readonly Lock _gate = new();
    private Dictionary<string, (AuroraServiceRegistration Registration, byte[] SecretHash)> _byClient = new(StringComparer.Ordinal);
    private Dictionary<string, AuroraServiceRegistration> _byChannel = new(StringComparer.Ordinal);
    private int _version;

    public AuroraServiceRegistry(IOptions<NetworkOptions> options)
    {
        var value = options.Value;
        if (value.DevClient.Enabled)
            Register(new AuroraServiceRegistration
            {
                ClientId = AuroraBots.AuroraAI.AuroraDevCredentials.ClientId,
                ClientSecret = AuroraBots.AuroraAI.AuroraDevCredentials.ClientSecret,
                Name = new() { ["fi"] = "AuroraBots-kehitysasiakas", ["sv"] = "AuroraBots utvecklingsklient", ["en"] = "AuroraBots development client" },
                Provider = new() { ["fi"] = "AuroraBots", ["sv"] = "AuroraBots", ["en"] = "AuroraBots" },
            });
        foreach (var registration in value.Services)
            Register(registration);
    }

    public int Version => Volatile.Read(ref _version);

    public IReadOnlyList<AuroraServiceRegistration> All
    {
        get { lock (_gate) return _byClient.Values.Select(v => v.Registration).ToList(); }
    }

    public void Register(AuroraServiceRegistration registration)
    {
        Validate(registration);
        lock (_gate)
        {
            var byClient = new Dictionary<string, (AuroraServiceRegistration, byte[])>(_byClient, StringComparer.Ordinal)
            {
                [registration.ClientId] = (registration, Hash(registration.ClientSecret)),
            };
            var byChannel = byClient.Values
                .Where(v => v.Item1.ServiceChannelId is not null)
                .GroupBy(v => v.Item1.ServiceChannelId!)
                .ToDictionary(g => g.Key, g => g.Last().Item1, StringComparer.Ordinal);
            if (registration.ServiceChannelId is { } channel && byChannel[channel] != registration)
                throw new ArgumentException($"Service channel {channel} is already registered to another AuroraAI service.", nameof(registration));
            _byClient = byClient;
            _byChannel = byChannel;
            _version++;
        }
    }

    public AuroraServiceRegistration? Authenticate(string clientId, string clientSecret)
    {
        var byClient = Volatile.Read(ref _byClient);
        if (!byClient.TryGetValue(clientId, out var entry)) return null;
        return CryptographicOperations.FixedTimeEquals(entry.SecretHash, Hash(clientSecret)) ? entry.Registration : null;
    }

    public AuroraServiceRegistration? FindByChannel(string serviceChannelId) =>
        Volatile.Read(ref _byChannel).GetValueOrDefault(serviceChannelId);

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static void Validate(AuroraServiceRegistration r)
    {
        if (!Uuid4.IsCanonical(r.ClientId))
            throw new ArgumentException($"ClientId '{r.ClientId}' must be a canonical lowercase UUIDv4.", nameof(r));
        if (string.IsNullOrEmpty(r.ClientSecret) || r.ClientSecret.Length < 16)
            throw new ArgumentException($"Service {r.ClientId}: ClientSecret must have at least 16 characters.", nameof(r));
        if (r.ServiceChannelId is { } channel)
        {
            if (!Uuid4.IsCanonical(channel))
                throw new ArgumentException($"Service {r.ClientId}: ServiceChannelId '{channel}' must be a canonical lowercase UUIDv4.", nameof(r));
            if (!Uri.TryCreate(r.LandingUrl, UriKind.Absolute, out _))
                throw new ArgumentException($"Service {r.ClientId}: a receiving service needs an absolute LandingUrl.", nameof(r));
        }
        if (r.ReceivableAttributes.FirstOrDefault(a => !KnownAttributes.Contains(a)) is { } unknown)
            throw new ArgumentException($"Service {r.ClientId}: unknown receivable attribute '{unknown}'.", nameof(r));
        if (r.Meters.FirstOrDefault(m => !LifeSituationMeters.All.Contains(m)) is { } meter)
            throw new ArgumentException($"Service {r.ClientId}: unknown meter '{meter}'.", nameof(r));
    }
}
