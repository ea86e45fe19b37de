using AuroraBots.Agents.Storage;
using Microsoft.AspNetCore.Http;

namespace AuroraBots.Agents.Apis;

/// <summary>Redis down: the console gets 503 with a message (and keeps what it shows), never a crash.</summary>
internal sealed class StoreUnavailableFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (AgentsStoreUnavailableException)
        {
            return TypedResults.Json(new DeskMessage("The agents' store is unavailable; try again in a moment."), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
