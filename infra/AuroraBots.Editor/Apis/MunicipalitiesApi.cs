using AuroraBots.AuroraAI.CodeLists;
using AuroraBots.Platform;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AuroraBots.Editor.Apis;

public sealed record MunicipalityOption(string Code, string Name);

/// <summary>
/// <c>/editor/api/municipalities?lang=fi</c>: the municipalities a preview can stand in for (as a municipality's website
/// with the widget's municipality preset would), named in the editor's language and sorted for that language.
/// </summary>
public static class MunicipalitiesApi
{
    public static RouteGroupBuilder MapMunicipalitiesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/municipalities", List);
        return api;
    }

    public static Results<Ok<IReadOnlyList<MunicipalityOption>>, ProblemHttpResult> List(string? lang, Languages languages)
    {
        var language = string.IsNullOrWhiteSpace(lang) ? languages.Fallback : lang;
        if (!languages.IsSupported(language))
            return TypedResults.Problem($"lang is one of {string.Join(", ", languages.Supported)}.", statusCode: StatusCodes.Status400BadRequest);
        var comparer = StringComparer.Create(Languages.CultureOf(language), ignoreCase: true);
        IReadOnlyList<MunicipalityOption> options = [.. AuroraCodeLists.Default.MunicipalityNames
            .Select(m => new MunicipalityOption(m.Key, m.Value.In(language)))
            .OrderBy(m => m.Name, comparer)];
        return TypedResults.Ok(options);
    }
}
