namespace AuroraBots.Network.Catalogue.Hygiene;

/// <summary>
/// What each hygiene rule did to the shipped rows (distinct service ids; logged at start-up and documented in
/// docs/auroraai-network.md). The id sets let tests check each rule on real rows.
/// </summary>
public sealed record HygieneReport(
    int Rows,
    IReadOnlySet<string> Excluded,
    IReadOnlySet<string> NonCitizen,
    IReadOnlySet<string> NationalToMunicipality,
    IReadOnlySet<string> NationalToRegion,
    IReadOnlySet<string> OtherMunicipality)
{
    public override string ToString() =>
        $"{Rows} rows: {Excluded.Count} excluded (EI MUKAAN) dropped, {NonCitizen.Count} not for citizens (KR2/KR3), " +
        $"{NationalToMunicipality.Count} national → one municipality, {NationalToRegion.Count} national → one region, " +
        $"{OtherMunicipality.Count} municipal rows → the other municipality they name";
}

internal sealed class HygieneCounter
{
    public int Rows;
    public readonly HashSet<string> Excluded = new(StringComparer.Ordinal);
    public readonly HashSet<string> NonCitizen = new(StringComparer.Ordinal);
    public readonly HashSet<string> NationalToMunicipality = new(StringComparer.Ordinal);
    public readonly HashSet<string> NationalToRegion = new(StringComparer.Ordinal);
    public readonly HashSet<string> OtherMunicipality = new(StringComparer.Ordinal);

    public HygieneReport ToReport() => new(Rows, Excluded, NonCitizen, NationalToMunicipality, NationalToRegion, OtherMunicipality);
}
