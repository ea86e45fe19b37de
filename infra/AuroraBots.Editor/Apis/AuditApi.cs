using AuroraBots.Editor.Audit;
using AuroraBots.Editor.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AuroraBots.Editor.Apis;

/// <summary><c>/editor/api/audit</c> (publisher or admin).</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", ReadAuditAsync).RequireAuthorization(EditorRoles.PublisherPolicy);
        return api;
    }

    public static async Task<Ok<IReadOnlyList<AuditEntry>>> ReadAuditAsync(AuditLog audit, int? take, CancellationToken cancellationToken) =>
        TypedResults.Ok(await audit.ReadAsync(Math.Clamp(take ?? 200, 1, 5000), cancellationToken));
}
