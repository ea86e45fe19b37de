namespace AuroraBots.Widget;

// Placeholder until the project lands.
internal static class ProjectMarker;
