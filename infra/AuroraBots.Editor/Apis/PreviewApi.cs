using AuroraBots.Platform;
using AuroraBots.Editor.Localisation;
using System.Security.Claims;
using AuroraBots.DirectLine.Tokens;
using AuroraBots.Editor.Preview;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AuroraBots.Editor.Apis;

/// <param name="Municipality">The municipality whose website the preview stands in for (3-digit code), bound into the
/// token as the widget binds a tenant's: the channel keeps only a token's own site municipality in the join event.</param>
public sealed record PreviewRequest(string? Locale, string? Municipality = null);

public sealed record PreviewResponse(string ConversationId, string Token, int ExpiresIn, string BotId, bool DraftValid, IReadOnlyList<ValidationProblem> Errors);

/// <summary>
/// <c>POST /editor/api/preview/{bot}</c>: a Direct Line token for a new conversation with the DRAFT of a bot (bot id
/// <c>draft.&lt;bot&gt;</c>). Web Chat uses it like any token: <c>createDirectLine({ token, domain: origin + '/v3/directline' })</c>.
/// </summary>
public static class PreviewApi
{

    public static RouteGroupBuilder MapPreviewApi(this RouteGroupBuilder api)
    {
        api.MapPost("/preview/{bot}", StartAsync);
        return api;
    }

    public static async Task<Results<Ok<PreviewResponse>, NotFound<EditorMessageResponse>, ProblemHttpResult>> StartAsync(
        string bot, PreviewRequest? request, ClaimsPrincipal user, HttpContext http, DraftDialogContent draft, Languages languages, CancellationToken cancellationToken)
    {
        if (http.RequestServices.GetService<IDirectLineTokenService>() is not { } tokens)
            return TypedResults.Problem("The preview needs the Direct Line channel (AddDirectLine/MapDirectLine) on this host.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Preview unavailable");
        var locale = request?.Locale?.Trim();
        if (locale is { Length: > 0 } && languages.Find(locale) is null)
            return TypedResults.Problem($"Unknown locale '{locale}' (use {string.Join(", ", languages.Supported)}).", statusCode: StatusCodes.Status400BadRequest);

        var municipality = request?.Municipality?.Trim();
        if (municipality is { Length: > 0 } && (municipality.Length != 3 || !municipality.All(char.IsAsciiDigit)))
            return TypedResults.Problem($"Unknown municipality code '{municipality}' (three digits, e.g. 564).", statusCode: StatusCodes.Status400BadRequest);

        var status = await draft.RefreshAsync(cancellationToken);
        if (!status.Runtime.Content.Bots.TryGetValue(bot, out var content))
            return TypedResults.NotFound(new EditorMessageResponse($"The draft has no bot '{bot}'" + (status.IsValid ? "." : " that loads (the draft has errors).")));
        var token = await tokens.GenerateTokenAsync(PreviewBotRouter.DraftBotId(bot), new DirectLineTokenRequest
        {
            UserId = PreviewUsers.IdOf(user),
            UserName = user.Identity?.Name,
            Locale = locale is { Length: > 0 } ? locale : content.DefaultLanguage,
            SiteMunicipality = municipality is { Length: > 0 } ? municipality : null,
        }, cancellationToken);
        return TypedResults.Ok(new PreviewResponse(token.ConversationId, token.Token, token.ExpiresIn, PreviewBotRouter.DraftBotId(bot), status.IsValid, EditorText.Localise(status.Errors, EditorText.LanguageOf(http.Request))));
    }
}

/// <summary>An error body with a message (the contract's <c>{ "message": … }</c>).</summary>
