namespace PileRig.Modules.EquipmentRegistry.Domain;

public enum RigStatus
{
    Free,
    InUse,
    Suspended,
}

/// <summary>The rig's open usage registration, if any: on which project, since when, suspended or not.</summary>
public sealed record CurrentUsage(Guid UsageId, Guid ProjectId, DateTimeOffset Since, bool Suspended);

public sealed record OpenFlag(Guid FlagId, FlagCategory Category, string Reason, Guid? ProjectId, DateTimeOffset Since);

/// <summary>
/// 桩工机械: a base unit and its registered component set, one stream per rig, which is also the consistency boundary
/// of its use: entries, flags, clears and exits append at the version read, so concurrent writers get exactly one winner.
/// Retired components stay in <see cref="Retired"/> so their codes are never reused silently.
/// </summary>
public sealed partial record Rig(
    Guid Id,
    Guid OwnerId,
    RigDescription Description,
    string BaseUnitCode,
    IReadOnlyList<RigComponent> Components,
    IReadOnlyList<RigComponent> Retired,
    RigStatus Status,
    int ContestedClaims,
    DateTimeOffset RegisteredAt)
{
    public long Version { get; init; }

    public CurrentUsage? Usage { get; init; }

    public IReadOnlyList<OpenFlag> OpenFlags { get; init; } = [];

    /// <summary>Stored with the snapshot (a column of its own) so lists and the dashboard count open flags by key.</summary>
    public int OpenFlagCount => OpenFlags.Count;

    /// <summary>Jurisdictions of the projects the rig was entered or flagged on: whose regulators oversee it.</summary>
    public IReadOnlyList<string> Jurisdictions { get; init; } = [];

    /// <summary>The certificate's last valid day has passed (a day in Ningbo).</summary>
    public bool CertificateExpired(DateOnly today) => Description.CertificateValidUntil is { } until && until < today;

    /// <summary>The day its service life ends: manufacture date plus the years its type may serve (a setting).</summary>
    public DateOnly ServiceLifeEnds(SupervisionSettings settings) => Description.ManufactureDate.AddYears(settings.ServiceLifeFor(Description.TypeCode));

    public bool PastServiceLife(SupervisionSettings settings, DateOnly today) => ServiceLifeEnds(settings) < today;

    public static Rig Create(RigRegistered e) =>
        new(e.RigId, e.OwnerId, e.Description, e.BaseUnitCode, e.Components, [], RigStatus.Free, 0, e.At);

    public Rig Apply(UsageRegistered e) =>
        (this with { Usage = new CurrentUsage(e.UsageId, e.ProjectId, e.At, false), Jurisdictions = WithJurisdiction(e.JurisdictionCode) }).WithStatus();

    public Rig Apply(RigFlagged e) => (this with
    {
        OpenFlags = [.. OpenFlags, new OpenFlag(e.FlagId, e.Category, e.Reason, e.ProjectId, e.At)],
        Usage = Usage is null ? null : Usage with { Suspended = true },
        Jurisdictions = WithJurisdiction(e.JurisdictionCode),
    }).WithStatus();

    public Rig Apply(FlagCleared e)
    {
        var flags = OpenFlags.Where(f => f.FlagId != e.FlagId).ToList();
        return (this with { OpenFlags = flags, Usage = Usage is null ? null : Usage with { Suspended = flags.Count > 0 } }).WithStatus();
    }

    public Rig Apply(UsageExited _) => (this with { Usage = null }).WithStatus();

    public Rig Apply(RigSpotChecked e) => this with { Jurisdictions = WithJurisdiction(e.JurisdictionCode) };

    private IReadOnlyList<string> WithJurisdiction(string? code) =>
        code is null || Jurisdictions.Contains(code) ? Jurisdictions : [.. Jurisdictions, code];

    private Rig WithStatus() => this with
    {
        Status = OpenFlags.Count > 0 ? RigStatus.Suspended : Usage is not null ? RigStatus.InUse : RigStatus.Free,
    };

    public Rig Apply(ComponentAdded e) => this with { Components = [.. Components, e.Component] };

    public Rig Apply(ComponentReplaced e) => this with
    {
        Components = [.. Components.Where(c => c.Id != e.RetiredComponentId), e.Component],
        Retired = [.. Retired, .. Components.Where(c => c.Id == e.RetiredComponentId)],
    };

    public Rig Apply(ComponentRemoved e) => this with
    {
        Components = [.. Components.Where(c => c.Id != e.ComponentId)],
        Retired = [.. Retired, .. Components.Where(c => c.Id == e.ComponentId)],
    };

    public Rig Apply(RigIdentityContested _) => this with { ContestedClaims = ContestedClaims + 1 };
}
