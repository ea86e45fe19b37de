namespace AuroraBots.Network;

// Placeholder until the project lands.
internal static class ProjectMarker;
