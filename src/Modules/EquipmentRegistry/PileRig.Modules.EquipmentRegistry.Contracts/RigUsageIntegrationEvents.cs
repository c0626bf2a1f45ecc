namespace PileRig.Modules.EquipmentRegistry.Contracts;

/// <summary>A rig was registered for use on a project (使用登记).</summary>
public sealed record RigEnteredProjectIntegrationEvent(Guid ProjectId, Guid RigId, Guid UsageId, DateTimeOffset At);

/// <summary>A rig's exit (退场) was registered; the usage registration is closed for good.</summary>
public sealed record RigExitedProjectIntegrationEvent(Guid ProjectId, Guid RigId, Guid UsageId, DateTimeOffset At);
