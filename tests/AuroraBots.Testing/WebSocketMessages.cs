using System.Buffers;
using System.Net.WebSockets;

namespace AuroraBots.Testing;

/// <summary>Reading a WebSocket the way a Direct Line client must: a message may arrive in several frames.</summary>
public static class WebSocketMessages
{
    /// <summary>
    /// Reads one whole message (every frame up to the end of the message) into <paramref name="message"/>, which is
    /// emptied first, and returns its type (<see cref="WebSocketMessageType.Close"/> when the other side closed).
    /// </summary>
    public static async Task<WebSocketMessageType> ReceiveMessageAsync(this WebSocket socket, MemoryStream message, CancellationToken cancellationToken = default)
    {
        message.SetLength(0);
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                message.Write(buffer, 0, result.Count);
            } while (!result.EndOfMessage);
            return result.MessageType;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
