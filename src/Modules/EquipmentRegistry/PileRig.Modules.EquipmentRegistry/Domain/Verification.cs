namespace PileRig.Modules.EquipmentRegistry.Domain;

/// <summary>设备校验: one engineer's session of scanning a rig and its components on a project.</summary>
public sealed partial record Verification(Guid Id, Guid RigId, Guid ProjectId, Guid StartedBy, DateTimeOffset StartedAt,
    IReadOnlyList<Guid> ScannedComponentIds, int RefusedScans)
{
    public long Version { get; init; }

    public static Verification Create(VerificationStarted e) => new(e.VerificationId, e.RigId, e.ProjectId, e.ByAccountId, e.At, [], 0);

    public Verification Apply(ComponentScanned e) =>
        ScannedComponentIds.Contains(e.ComponentId) ? this : this with { ScannedComponentIds = [.. ScannedComponentIds, e.ComponentId] };

    public Verification Apply(ComponentScanRefused _) => this with { RefusedScans = RefusedScans + 1 };
}
