namespace PileRig.Modules.Projects.Domain;

/// <summary>What a project says about itself; edits replace it as a whole.</summary>
public sealed record ProjectDetails(
    string Name,
    string? ConstructionPermitNumber,
    string? InvestmentProjectCode,
    IReadOnlyList<string> PilingContractors,
    string JurisdictionCode,
    string Address)
{
    // Records compare lists by reference; details are equal when their contents are.
    public bool SameAs(ProjectDetails other) =>
        Name == other.Name && ConstructionPermitNumber == other.ConstructionPermitNumber
        && InvestmentProjectCode == other.InvestmentProjectCode && PilingContractors.SequenceEqual(other.PilingContractors)
        && JurisdictionCode == other.JurisdictionCode && Address == other.Address;
}

public sealed record ProjectRegistered(Guid ProjectId, Guid FirmId, ProjectDetails Details, IReadOnlyList<Guid> EngineerIds,
    Guid ByAccountId, DateTimeOffset At);

public sealed record ProjectDetailsEdited(Guid ProjectId, ProjectDetails Details, string? Reason, Guid ByAccountId, DateTimeOffset At);

public sealed record ProjectEngineersChanged(Guid ProjectId, IReadOnlyList<Guid> Added, IReadOnlyList<Guid> Removed, string? Reason,
    Guid ByAccountId, DateTimeOffset At);

public sealed record ProjectCompleted(Guid ProjectId, string? Reason, Guid ByAccountId, DateTimeOffset At);

/// <summary>Written by releases before ADR 0015 (a rig's use registered on this project); kept so old streams replay.</summary>
public sealed record RigEnteredProject(Guid ProjectId, Guid RigId, Guid UsageId, DateTimeOffset At);

/// <summary>Written by releases before ADR 0015 (the rig's exit registered); kept so old streams replay.</summary>
public sealed record RigLeftProject(Guid ProjectId, Guid RigId, Guid UsageId, DateTimeOffset At);
