namespace AuroraBots.Handoff;

// Placeholder until the project lands.
internal static class ProjectMarker;
