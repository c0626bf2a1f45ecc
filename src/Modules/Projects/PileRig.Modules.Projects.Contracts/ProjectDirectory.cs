namespace PileRig.Modules.Projects.Contracts;

/// <summary>What another module needs to know about a project to decide who may act on it.</summary>
public sealed record ProjectSummary(Guid ProjectId, Guid FirmId, string Name, string JurisdictionCode, IReadOnlyList<Guid> EngineerIds, bool IsActive);

/// <summary>
/// Synchronous query into Projects (ADR 0004): the supervision flow must know, at the moment of the request, whether the
/// actor is the project's firm or one of its assigned engineers.
/// </summary>
public interface IProjectDirectory
{
    Task<ProjectSummary?> FindAsync(Guid projectId, CancellationToken cancellationToken);
}
