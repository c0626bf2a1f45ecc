using PileRig.SharedKernel.Values;

namespace PileRig.Modules.EquipmentRegistry.Domain;

public enum FlagCategory
{
    /// <summary>套牌: wearing another machine's identity.</summary>
    Cloned,
    /// <summary>虚假信息.</summary>
    FalseInformation,
    /// <summary>不合格.</summary>
    Unqualified,
    Other,
}

// ---- The rig's stream: the decisive events of its life on site. ----

/// <summary>使用登记: the rig is in use on the project from now on. Names the verification that preceded it.</summary>
public sealed record UsageRegistered(Guid RigId, Guid UsageId, Guid ProjectId, string JurisdictionCode, Guid FirmId, Guid VerificationId, decimal InstalledHeightMetres,
    int PowerHeadCount, StoredFileRef EntryInspectionForm, IReadOnlyList<Guid> ScannedComponentIds, Guid ByAccountId, DateTimeOffset At);

/// <summary>标记问题设备: the rig is suspended at once; a use in progress is suspended with it.</summary>
public sealed record RigFlagged(Guid RigId, Guid FlagId, FlagCategory Category, string Reason, IReadOnlyList<StoredFileRef> Photos,
    Guid? ProjectId, string? JurisdictionCode, Guid? SuspendedUsageId, Guid ByAccountId, Guid? ByEnterpriseId, DateTimeOffset At);

/// <summary>A regulator cleared a flag; with no flag left, a suspended use resumes.</summary>
public sealed record FlagCleared(Guid RigId, Guid FlagId, string Reason, Guid? ResumedUsageId, Guid ByAccountId, DateTimeOffset At);

/// <summary>退场: the usage registration is closed for good; the rig is free (unless a flag still holds it).</summary>
public sealed record UsageExited(Guid RigId, Guid UsageId, Guid ProjectId, string? Note, IReadOnlyList<StoredFileRef> Photos,
    Guid ByAccountId, DateTimeOffset At);

/// <summary>A regulator's spot-check (监管抽查): scanned on site in one of its jurisdictions; recorded on the rig's stream.</summary>
public sealed record RigSpotChecked(Guid RigId, string JurisdictionCode, RigStatus StatusSeen, IReadOnlyList<string> WarningsSeen, Guid ByAccountId,
    DateTimeOffset At);

// ---- A verification's own short-lived stream: who scanned what, when. ----

public sealed record VerificationStarted(Guid VerificationId, Guid RigId, Guid ProjectId, Guid ByAccountId, DateTimeOffset At);

public sealed record ComponentScanned(Guid VerificationId, Guid RigId, Guid ComponentId, string Code, Guid ByAccountId, DateTimeOffset At);

/// <summary>A scan refused during verification: another rig's component, or a code that is forged, unknown or revoked.</summary>
public sealed record ComponentScanRefused(Guid VerificationId, string Scanned, string Outcome, Guid? OtherRigId, Guid ByAccountId, DateTimeOffset At);
