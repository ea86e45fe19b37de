namespace AuroraBots.Nlu;

// Placeholder until the project lands.
internal static class ProjectMarker;
