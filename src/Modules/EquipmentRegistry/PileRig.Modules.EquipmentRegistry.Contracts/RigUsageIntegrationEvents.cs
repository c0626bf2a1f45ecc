namespace PileRig.Modules.EquipmentRegistry.Contracts;

/// <summary>A rig was registered for use on a project (使用登记).</summary>
public sealed record RigEnteredProjectIntegrationEvent(Guid ProjectId, Guid RigId, Guid UsageId, DateTimeOffset At);

/// <summary>A rig's exit (退场) was registered; the usage registration is closed for good.</summary>
public sealed record RigExitedProjectIntegrationEvent(Guid ProjectId, Guid RigId, Guid UsageId, DateTimeOffset At);

/// <summary>
/// Synchronous query into the registry (ADR 0004): how many usage registrations are open on a project. Written in the
/// same transaction as the entry, so it is exact where the project's own event-fed count may lag.
/// </summary>
public interface IRigUsageDirectory
{
    Task<int> CountOpenUsagesAsync(Guid projectId, CancellationToken cancellationToken);
}
