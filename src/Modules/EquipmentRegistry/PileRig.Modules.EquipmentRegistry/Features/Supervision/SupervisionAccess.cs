using Marten;
using PileRig.Modules.EquipmentRegistry.Domain;
using PileRig.Modules.EquipmentRegistry.Infrastructure;
using PileRig.Modules.Projects.Contracts;
using PileRig.SharedKernel.Identity;
using PileRig.SharedKernel.Rules;
using PileRig.SharedKernel.Values;

namespace PileRig.Modules.EquipmentRegistry.Features.Supervision;

public static class SupervisionAccess
{
    /// <summary>The project's firm account or an engineer assigned to it; anyone else is refused with the reason (403).</summary>
    public static async Task<ProjectSummary> RequireSupervisorAsync(IProjectDirectory projects, Guid projectId, Actor actor,
        CancellationToken cancellationToken)
    {
        var project = await projects.FindAsync(projectId, cancellationToken);
        var allowed = project is not null && actor.EnterpriseId == project.FirmId
            && (actor.Role == Roles.SupervisionFirm || (actor.Role == Roles.Engineer && project.EngineerIds.Contains(actor.AccountId)));
        return allowed ? project! : throw new RuleViolationException(SupervisionRules.NotOnYourProject);
    }

    /// <summary>Reading usage records: the supervisors, the rig's owner, the admin, regulators of the project's jurisdiction.</summary>
    public static bool MayRead(ProjectSummary project, Guid rigOwnerId, Actor actor) =>
        actor.IsAdmin
        || (actor.Role == Roles.Regulator && actor.Jurisdictions.Contains(project.JurisdictionCode))
        || actor.EnterpriseId == rigOwnerId
        || (actor.EnterpriseId == project.FirmId && (actor.Role == Roles.SupervisionFirm || project.EngineerIds.Contains(actor.AccountId)));
}

public enum UsageStatus
{
    InUse,
    Suspended,
    Exited,
}

/// <summary>
/// 使用记录: one usage registration as the records screens show it — who registered it, when, with which parameters and
/// files, and how it ended. Written from the rig's events in the same transaction as those events.
/// </summary>
public sealed record UsageRecord(
    Guid Id,
    Guid RigId,
    string RigCode,
    string RigTypeCode,
    string RigMaker,
    string RigModel,
    string RigFactorySerial,
    Guid RigOwnerId,
    Guid ProjectId,
    string ProjectName,
    string JurisdictionCode,
    Guid FirmId,
    Guid VerificationId,
    decimal InstalledHeightMetres,
    int PowerHeadCount,
    StoredFileRef EntryInspectionForm,
    IReadOnlyList<Guid> ScannedComponentIds,
    Guid RegisteredBy,
    DateTimeOffset RegisteredAt,
    UsageStatus Status,
    IReadOnlyList<Guid> FlagIds,
    Guid? ExitedBy,
    DateTimeOffset? ExitedAt,
    string? ExitNote,
    IReadOnlyList<StoredFileRef> ExitPhotos)
{
    public static UsageRecord From(UsageRegistered e, Rig rig, ProjectSummary project) => new(e.UsageId, rig.Id, rig.BaseUnitCode,
        rig.Description.TypeCode, rig.Description.Maker, rig.Description.Model, rig.Description.FactorySerial, rig.OwnerId, e.ProjectId,
        project.Name, project.JurisdictionCode, e.FirmId, e.VerificationId, e.InstalledHeightMetres, e.PowerHeadCount, e.EntryInspectionForm,
        e.ScannedComponentIds, e.ByAccountId, e.At, UsageStatus.InUse, [], null, null, null, []);

    public UsageRecord Apply(RigFlagged e) => this with { Status = UsageStatus.Suspended, FlagIds = [.. FlagIds, e.FlagId] };

    public UsageRecord Apply(FlagCleared _) => this with { Status = UsageStatus.InUse };

    public UsageRecord Apply(UsageExited e) =>
        this with { Status = UsageStatus.Exited, ExitedBy = e.ByAccountId, ExitedAt = e.At, ExitNote = e.Note, ExitPhotos = e.Photos };
}

/// <summary>What the engineer compares with the contractor's papers and the machine (设备校验).</summary>
public sealed record VerificationView(
    Guid VerificationId,
    Guid ProjectId,
    DateTimeOffset StartedAt,
    DateTimeOffset ValidUntil,
    VerifiedRigView Rig,
    IReadOnlyList<VerifiedComponentView> Components,
    RigStatusView Status,
    IReadOnlyList<string> Warnings,
    int RefusedScans);

public sealed record VerifiedRigView(Guid RigId, string BaseUnitCode, Guid OwnerId, string? OwnerName, string TypeCode, string Maker, string Model,
    string FactorySerial, DateOnly ManufactureDate, string CertificateNumber, StoredFileRef CertificateFile, DateOnly? CertificateValidUntil,
    decimal RatedMaxHeightMetres, bool TopMountedPowerHead, int PowerHeadCount);

public sealed record VerifiedComponentView(Guid ComponentId, ComponentKind Kind, string Serial, bool Structural, bool Scanned);

/// <summary>free / in use on project X since … / suspended by a flag (category, reason, since).</summary>
public sealed record RigStatusView(RigStatus State, Guid? ProjectId, string? ProjectName, DateTimeOffset? Since, Guid? UsageId,
    FlagCategory? FlagCategory, string? FlagReason, DateTimeOffset? FlaggedAt);

public static class VerificationViews
{
    public static async Task<VerificationView> BuildAsync(IQuerySession session, IProjectDirectory projects, Verification verification, Rig rig,
        SupervisionSettings settings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var d = rig.Description;
        var owner = await session.LoadAsync<OwnerDirectoryEntry>(rig.OwnerId, cancellationToken);
        var flag = rig.OpenFlags.Count > 0 ? rig.OpenFlags[0] : null;
        var usageProject = rig.Usage is null ? null : await projects.FindAsync(rig.Usage.ProjectId, cancellationToken);
        return new VerificationView(verification.Id, verification.ProjectId, verification.StartedAt,
            verification.StartedAt.AddHours(settings.VerificationWindowHours),
            new VerifiedRigView(rig.Id, rig.BaseUnitCode, rig.OwnerId, owner?.Name, d.TypeCode, d.Maker, d.Model, d.FactorySerial, d.ManufactureDate,
                d.CertificateNumber, d.CertificateFile, d.CertificateValidUntil, d.RatedMaxHeightMetres, d.TopMountedPowerHead, d.PowerHeadCount),
            rig.Components.Select(c => new VerifiedComponentView(c.Id, c.Kind, c.Serial, c.Structural, verification.ScannedComponentIds.Contains(c.Id))).ToList(),
            new RigStatusView(rig.Status, rig.Usage?.ProjectId, usageProject?.Name, rig.Usage?.Since, rig.Usage?.UsageId, flag?.Category, flag?.Reason, flag?.Since),
            SupervisionDecisions.Warnings(rig, settings, ChinaTime.DayOf(now)),
            verification.RefusedScans);
    }
}
