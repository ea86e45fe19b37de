namespace AuroraBots.DirectLine;

// Placeholder until the project lands.
internal static class ProjectMarker;
