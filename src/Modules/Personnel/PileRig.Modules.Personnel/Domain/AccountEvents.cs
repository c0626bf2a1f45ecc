using PileRig.SharedKernel.Identity;

namespace PileRig.Modules.Personnel.Domain;

// The account stream's events. Each is stored under a stable alias (see PersonnelMarten), never its CLR name.
// Who acted is in the event where it matters to the rule (ByAccountId) and, for every event, in the audit headers.

/// <summary>A supervision firm or rig owner signed up; its enterprise id is reserved here and its profile follows.</summary>
public sealed record EnterpriseAccountRegistered(Guid AccountId, string Username, string Mobile, string Role,
    Guid EnterpriseId, EnterpriseKind EnterpriseKind, DateTimeOffset At);

/// <summary>A firm created an engineer's account; the generated password must be changed at first login.</summary>
public sealed record EngineerAccountCreated(Guid AccountId, string Username, string Name, string Mobile,
    Guid EnterpriseId, Guid ByAccountId, DateTimeOffset At);

/// <summary>The admin created a regulator's account bound to jurisdictions.</summary>
public sealed record RegulatorAccountCreated(Guid AccountId, string Username, string Name, string Mobile,
    string Organisation, IReadOnlyList<string> Jurisdictions, Guid ByAccountId, DateTimeOffset At);

/// <summary>The platform administrator, created on first start from configuration.</summary>
public sealed record AdminAccountBootstrapped(Guid AccountId, string Username, DateTimeOffset At);

public sealed record PasswordChanged(Guid AccountId, DateTimeOffset At);

/// <summary>Someone else (the firm, the admin) set a new generated password; the holder must change it.</summary>
public sealed record PasswordReset(Guid AccountId, Guid ByAccountId, DateTimeOffset At);

public sealed record AccountDisabled(Guid AccountId, Guid ByAccountId, string? Reason, DateTimeOffset At);

public sealed record AccountEnabled(Guid AccountId, Guid ByAccountId, string? Reason, DateTimeOffset At);

public sealed record LoginSucceeded(Guid AccountId, DateTimeOffset At);

public sealed record LoginFailed(Guid AccountId, int ConsecutiveFailures, DateTimeOffset At);

public sealed record AccountLockedOut(Guid AccountId, DateTimeOffset Until, DateTimeOffset At);
