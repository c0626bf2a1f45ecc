namespace PileRig.Modules.Projects.Contracts;

/// <summary>
/// Synchronous query into Projects (ADR 0004): whether a jurisdiction code is on the current list, for modules that
/// bind things to jurisdictions (regulator accounts).
/// </summary>
public interface IJurisdictionDirectory
{
    Task<bool> IsCurrentAsync(string code, CancellationToken cancellationToken);
}
