namespace AuroraBots.AuroraAI;

/// <summary>
/// The development client of the embedded AuroraAI network: registered by the network service and used by the
/// client when nothing else is configured, so the bots work out of the box. Disable it in production
/// (<c>AuroraAI:Network:DevClient:Enabled=false</c>) and configure real credentials.
/// </summary>
public static class AuroraDevCredentials
{
    public const string ClientId = "3f0e4c1a-7b2d-4e5f-9a8b-1c2d3e4f5a6b";
    public const string ClientSecret = "a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7";
}
