using PileRig.SharedKernel.Values;

namespace PileRig.Modules.EquipmentRegistry.Domain;

public enum ComponentKind
{
    /// <summary>立柱节.</summary>
    MastSection,
    /// <summary>支撑杆 / 斜撑: structural by default (the 9·6 Hangzhou brace fall).</summary>
    Brace,
    /// <summary>动力头.</summary>
    PowerHead,
    Other,
}

/// <summary>What the owner declares about the machine (the base unit, 主机).</summary>
public sealed record RigDescription(
    string TypeCode,
    string Maker,
    string Model,
    string FactorySerial,
    DateOnly ManufactureDate,
    string CertificateNumber,
    StoredFileRef CertificateFile,
    DateOnly? CertificateValidUntil,
    decimal RatedMaxHeightMetres,
    bool TopMountedPowerHead,
    int PowerHeadCount,
    IReadOnlyList<StoredFileRef> Photos);

/// <summary>One component with its own QR code (一机一码).</summary>
public sealed record RigComponent(Guid Id, ComponentKind Kind, string Serial, bool Structural, string Code);

public sealed record RigRegistered(Guid RigId, Guid OwnerId, RigDescription Description, string BaseUnitCode,
    IReadOnlyList<RigComponent> Components, Guid ByAccountId, DateTimeOffset At);

public sealed record ComponentAdded(Guid RigId, RigComponent Component, Guid ByAccountId, DateTimeOffset At);

/// <summary>The old component is retired for good and its code revoked; the new one gets a new code.</summary>
public sealed record ComponentReplaced(Guid RigId, Guid RetiredComponentId, string RevokedCode, RigComponent Component, string Reason,
    Guid ByAccountId, DateTimeOffset At);

public sealed record ComponentRemoved(Guid RigId, Guid ComponentId, string RevokedCode, string Reason, Guid ByAccountId, DateTimeOffset At);

/// <summary>Another owner tried to register a rig with this rig's maker + 出厂编号 or 产品合格证 number (suspected 套牌).</summary>
public sealed record RigIdentityContested(Guid RigId, Guid SuspectedCloneId, Guid ClaimantOwnerId, Guid ClaimantAccountId, string Maker,
    string FactorySerial, string CertificateNumber, IReadOnlyList<string> MatchedOn, DateTimeOffset At);
