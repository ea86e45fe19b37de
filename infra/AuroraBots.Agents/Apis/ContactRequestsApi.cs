using System.Security.Claims;
using AuroraBots.Agents.Desk;
using AuroraBots.Dialogs.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AuroraBots.Agents.Apis;

/// <summary><c>/agent/api/contact-requests</c>: messages citizens left (until they expire), marked done or not done.</summary>
public static class ContactRequestsApi
{
    public static RouteGroupBuilder MapContactRequestsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/contact-requests", ListAsync);
        api.MapPut("/contact-requests/{id}", MarkAsync);
        return api;
    }

    public static async Task<Ok<IReadOnlyList<ContactRequestView>>> ListAsync(AgentDesk desk, IDialogContent content, CancellationToken cancellationToken)
    {
        var bots = content.Current.Content.Bots;
        var requests = await desk.ContactRequestsAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ContactRequestView>>([.. requests.OrderBy(r => r.Done).ThenByDescending(r => r.CreatedAt)
            .Select(r => DeskViews.View(r, bots.TryGetValue(r.BotId, out var bot) ? bot.NameIn(r.Language) : r.BotId))]);
    }

    public static async Task<Results<Ok<ContactRequestView>, NotFound<DeskMessage>>> MarkAsync(string id, MarkRequest request, ClaimsPrincipal user,
        AgentDesk desk, IDialogContent content, CancellationToken cancellationToken)
    {
        if (await desk.MarkContactRequestAsync(id, user.Identity!.Name!, request.Done, cancellationToken) is not { } changed)
            return TypedResults.NotFound(new DeskMessage("There is no such message (it may have expired)."));
        var name = content.Current.Content.Bots.TryGetValue(changed.BotId, out var bot) ? bot.NameIn(changed.Language) : changed.BotId;
        return TypedResults.Ok(DeskViews.View(changed, name));
    }
}
