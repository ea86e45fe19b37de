namespace AuroraBots.Nlu.Entities;

/// <summary>A municipality from the code list: its 3-digit code and names.</summary>
public sealed record Municipality(string Code, string NameFi, string NameSv, string NameEn);
