namespace PileRig.Modules.EquipmentRegistry.Contracts;

/// <summary>
/// Synchronous query into the registry (ADR 0004, ADR 0015): how many usage registrations are open on a project. The
/// registry writes a usage record in the same transaction as the entry and the exit, so these counts are exact at
/// once; nothing is fed by messages that could be lost, reordered or late.
/// </summary>
public interface IRigUsageDirectory
{
    Task<int> CountOpenUsagesAsync(Guid projectId, CancellationToken cancellationToken);

    /// <summary>Open usages per project, for a page of projects (projects with none are absent).</summary>
    Task<IReadOnlyDictionary<Guid, int>> CountOpenUsagesAsync(IReadOnlyCollection<Guid> projectIds, CancellationToken cancellationToken);

    /// <summary>Usages that were open on the project at a past moment: entered by then and not yet exited.</summary>
    Task<int> CountOpenUsagesAtAsync(Guid projectId, DateTimeOffset at, CancellationToken cancellationToken);
}
