namespace PileRig.Modules.Projects.Domain;

public enum ProjectStatus
{
    Active,
    Completed,
}

/// <summary>
/// 工程: created by a supervision firm or its engineers before any rig is registered on it. <see cref="RigsInUse"/> holds
/// the usage registrations open on it (fed by the equipment registry); a project completes only when it is empty.
/// </summary>
public sealed partial record Project(
    Guid Id,
    Guid FirmId,
    ProjectDetails Details,
    IReadOnlyList<Guid> EngineerIds,
    ProjectStatus Status,
    IReadOnlyList<Guid> EnteredUsages,
    IReadOnlyList<Guid> LeftUsages,
    Guid CreatedBy,
    DateTimeOffset CreatedAt)
{
    public long Version { get; init; }

    /// <summary>Open usage registrations: entered and not yet left. Two sets, so the order messages arrive in does not matter.</summary>
    public IReadOnlyList<Guid> RigsInUse => [.. EnteredUsages.Except(LeftUsages)];

    // Denormalised for queries: Marten indexes a top-level field.
    public string JurisdictionCode { get; init; } = Details.JurisdictionCode;

    public static Project Create(ProjectRegistered e) =>
        new(e.ProjectId, e.FirmId, e.Details, e.EngineerIds, ProjectStatus.Active, [], [], e.ByAccountId, e.At);

    public Project Apply(ProjectDetailsEdited e) => this with { Details = e.Details, JurisdictionCode = e.Details.JurisdictionCode };

    public Project Apply(ProjectEngineersChanged e) =>
        this with { EngineerIds = [.. EngineerIds.Except(e.Removed), .. e.Added.Except(EngineerIds)] };

    public Project Apply(ProjectCompleted _) => this with { Status = ProjectStatus.Completed };

    public Project Apply(RigEnteredProject e) => this with { EnteredUsages = [.. EnteredUsages, e.UsageId] };

    public Project Apply(RigLeftProject e) => this with { LeftUsages = [.. LeftUsages, e.UsageId] };
}
