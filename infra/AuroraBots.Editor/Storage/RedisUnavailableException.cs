namespace AuroraBots.Editor.Storage;

/// <summary>The editor's Redis could not be reached; the API answers 503 with <see cref="Exception.Message"/>.</summary>
public sealed class RedisUnavailableException(Exception inner)
    : Exception("The editor's storage (Redis) is not reachable right now, so the request was not completed. Reload and try again in a moment; the bots keep serving the published content.", inner);
