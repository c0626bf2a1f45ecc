namespace PileRig.Modules.EquipmentRegistry.Contracts;

/// <summary>
/// A rig was flagged (suspended). Whoever must know is decided by the receiver: the owner, the supervising firm and the
/// regulators of the jurisdiction.
/// </summary>
public sealed record RigFlaggedIntegrationEvent(
    Guid RigId,
    Guid FlagId,
    string Category,
    string RigLabel,
    Guid OwnerId,
    Guid? FirmId,
    Guid? ProjectId,
    string? ProjectName,
    string? JurisdictionCode,
    DateTimeOffset At);

/// <summary>What is running out on a rig.</summary>
public enum ExpiringDocument
{
    Certificate,
    ServiceLife,
}

/// <summary>A rig's certificate or service life ends within the notice period (30 days); sent once per rig, document and date.</summary>
/// <remarks>When the rig is in use: the firm using it and the jurisdiction it is in, who are notified too.</remarks>
public sealed record RigExpiryApproachingIntegrationEvent(Guid RigId, string RigLabel, Guid OwnerId, ExpiringDocument Document, DateOnly EndsOn,
    Guid? FirmId = null, string? JurisdictionCode = null);
