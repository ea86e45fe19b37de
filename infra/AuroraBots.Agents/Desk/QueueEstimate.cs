namespace AuroraBots.Agents.Desk;

/// <summary>The estimated wait at a place in the queue: each agent on duty serves one chat per average chat duration.</summary>
public static class QueueEstimate
{
    public static TimeSpan Wait(int position, int agentsOnDuty, TimeSpan averageChat) =>
        averageChat * Math.Max(1, position) / Math.Max(1, agentsOnDuty);
}
