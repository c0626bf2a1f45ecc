namespace PileRig.Modules.EquipmentRegistry.Domain;

public enum RigStatus
{
    Free,
    InUse,
    Suspended,
}

/// <summary>
/// 桩工机械: a base unit and its registered component set, one stream per rig. Retired components stay in
/// <see cref="Retired"/> so their codes are never reused silently.
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

    public static Rig Create(RigRegistered e) =>
        new(e.RigId, e.OwnerId, e.Description, e.BaseUnitCode, e.Components, [], RigStatus.Free, 0, e.At);

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
