namespace PileRig.Modules.Projects.Domain;

public enum ProjectStatus
{
    Active,
    Completed,
}

/// <summary>
/// 工程: created by a supervision firm or its engineers before any rig is registered on it. Which rigs are on it is the
/// equipment registry's record (its usage registrations, written with each entry and exit), not this stream's: a
/// project that many rigs enter at once must not be one stream they all contend for (ADR 0015).
/// </summary>
public sealed partial record Project(
    Guid Id,
    Guid FirmId,
    ProjectDetails Details,
    IReadOnlyList<Guid> EngineerIds,
    ProjectStatus Status,
    Guid CreatedBy,
    DateTimeOffset CreatedAt)
{
    public long Version { get; init; }

    // Denormalised for queries: Marten indexes a top-level field.
    public string JurisdictionCode { get; init; } = Details.JurisdictionCode;

    public static Project Create(ProjectRegistered e) =>
        new(e.ProjectId, e.FirmId, e.Details, e.EngineerIds, ProjectStatus.Active, e.ByAccountId, e.At);

    public Project Apply(ProjectDetailsEdited e) => this with { Details = e.Details, JurisdictionCode = e.Details.JurisdictionCode };

    public Project Apply(ProjectEngineersChanged e) =>
        this with { EngineerIds = [.. EngineerIds.Except(e.Removed), .. e.Added.Except(EngineerIds)] };

    public Project Apply(ProjectCompleted _) => this with { Status = ProjectStatus.Completed };

    // Streams written before ADR 0015 hold these; they stay readable in the history and change nothing here.
    public Project Apply(RigEnteredProject _) => this;

    public Project Apply(RigLeftProject _) => this;
}
