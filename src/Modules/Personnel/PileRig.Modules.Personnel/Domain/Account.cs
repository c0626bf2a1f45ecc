using PileRig.SharedKernel.Identity;

namespace PileRig.Modules.Personnel.Domain;

public enum AccountStatus
{
    Active,
    Disabled,
}

/// <summary>
/// A login: an enterprise's own account, an engineer, a regulator or the admin. Immutable; rebuilt from its stream by
/// Marten (Create/Apply) and kept as an inline snapshot for lists. The password hash is not here: it lives in
/// <see cref="AccountCredential"/>, so old hashes never enter the permanent event history.
/// </summary>
public sealed partial record Account(
    Guid Id,
    string Username,
    string DisplayName,
    string Mobile,
    string Role,
    Guid? EnterpriseId,
    EnterpriseKind? EnterpriseKind,
    AccountStatus Status,
    bool MustChangePassword,
    string SecurityStamp,
    IReadOnlyList<string> Jurisdictions,
    string? Organisation,
    Guid? CreatedBy,
    DateTimeOffset CreatedAt,
    int ConsecutiveFailedLogins,
    DateTimeOffset? LockedUntil,
    DateTimeOffset? LastLoginAt)
{
    public long Version { get; init; }

    public static Account Create(EnterpriseAccountRegistered e) =>
        New(e.AccountId, e.Username, e.Username, e.Mobile, e.Role, e.At) with
        {
            EnterpriseId = e.EnterpriseId,
            EnterpriseKind = e.EnterpriseKind,
        };

    public static Account Create(EngineerAccountCreated e) =>
        New(e.AccountId, e.Username, e.Name, e.Mobile, Roles.Engineer, e.At) with
        {
            EnterpriseId = e.EnterpriseId,
            MustChangePassword = true,
            CreatedBy = e.ByAccountId,
        };

    public static Account Create(RegulatorAccountCreated e) =>
        New(e.AccountId, e.Username, e.Name, e.Mobile, Roles.Regulator, e.At) with
        {
            Jurisdictions = e.Jurisdictions,
            Organisation = e.Organisation,
            MustChangePassword = true,
            CreatedBy = e.ByAccountId,
        };

    public static Account Create(AdminAccountBootstrapped e) =>
        New(e.AccountId, e.Username, e.Username, "", Roles.Admin, e.At);

    // A new security stamp invalidates every cookie and token issued before the change.
    public Account Apply(PasswordChanged e) => this with { MustChangePassword = false, SecurityStamp = StampFor(e.At) };

    public Account Apply(PasswordReset e) => this with
    {
        MustChangePassword = true,
        SecurityStamp = StampFor(e.At),
        ConsecutiveFailedLogins = 0,
        LockedUntil = null,
    };

    public Account Apply(AccountDisabled e) => this with { Status = AccountStatus.Disabled, SecurityStamp = StampFor(e.At) };

    public Account Apply(AccountEnabled _) => this with { Status = AccountStatus.Active };

    public Account Apply(LoginSucceeded e) => this with { ConsecutiveFailedLogins = 0, LockedUntil = null, LastLoginAt = e.At };

    public Account Apply(LoginFailed e) => this with { ConsecutiveFailedLogins = e.ConsecutiveFailures };

    public Account Apply(AccountLockedOut e) => this with { LockedUntil = e.Until, ConsecutiveFailedLogins = 0 };

    private static Account New(Guid id, string username, string displayName, string mobile, string role, DateTimeOffset at) =>
        new(id, username, displayName, mobile, role, null, null, AccountStatus.Active, false, StampFor(at), [], null,
            null, at, 0, null, null);

    // Deterministic from the event, so replaying the stream yields the same stamp the live session was issued with.
    private static string StampFor(DateTimeOffset at) => at.UtcTicks.ToString("x", System.Globalization.CultureInfo.InvariantCulture);
}
