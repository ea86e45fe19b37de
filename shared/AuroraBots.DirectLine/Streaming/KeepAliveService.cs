using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AuroraBots.DirectLine.Streaming;

/// <summary>
/// Sends an empty text frame on every open socket each <see cref="DirectLineOptions.KeepAliveInterval"/>
/// (one timer for all sockets, not one per socket), and closes all sockets at shutdown.
/// </summary>
internal sealed class KeepAliveService(StreamSessionRegistry sessions, IOptions<DirectLineOptions> options, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan MaximumInterval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.KeepAliveInterval;
        if (interval <= TimeSpan.Zero || interval > MaximumInterval) interval = MaximumInterval;
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
                foreach (var session in sessions.Sessions) session.SendKeepAlive();
        }
        catch (OperationCanceledException) { }
        finally
        {
            sessions.CloseAll();
        }
    }
}
