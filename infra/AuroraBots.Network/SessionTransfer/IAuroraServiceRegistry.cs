namespace AuroraBots.Network.SessionTransfer;

/// <summary>
/// The AuroraAI services registered with this network (API clients and session-transfer receivers). Replaces the
/// profile-management <c>aurora_ai_service</c> table of the original.
/// </summary>
public interface IAuroraServiceRegistry
{
    /// <summary>Adds or replaces (same client id) a service. Throws <see cref="ArgumentException"/> on bad data.</summary>
    void Register(AuroraServiceRegistration registration);

    /// <summary>The service whose credentials these are, or null.</summary>
    AuroraServiceRegistration? Authenticate(string clientId, string clientSecret);

    /// <summary>The receiver registered for an EChannel id, or null.</summary>
    AuroraServiceRegistration? FindByChannel(string serviceChannelId);

    IReadOnlyList<AuroraServiceRegistration> All { get; }

    /// <summary>Increments on every change, so the catalogue knows when to rebuild.</summary>
    int Version { get; }
}
