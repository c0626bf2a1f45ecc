namespace PileRig.Modules.Personnel.Contracts;

/// <summary>What the host needs to know about a signed-in account on every request.</summary>
public sealed record AccountSummary(
    Guid AccountId,
    string Username,
    string DisplayName,
    string Role,
    Guid? EnterpriseId,
    bool IsActive,
    bool MustChangePassword,
    string SecurityStamp,
    IReadOnlyList<string> Jurisdictions);

/// <summary>
/// Synchronous query into Personnel, sanctioned by ADR 0004: the host resolves the acting account from the database on
/// every request so that a disabled account or a changed password takes effect at once.
/// </summary>
public interface IAccountLookup
{
    Task<AccountSummary?> FindAsync(Guid accountId, CancellationToken cancellationToken);

    /// <summary>The account signed in with this session, or null if either is unknown or the session was logged out.</summary>
    Task<AccountSummary?> FindSignedInAsync(Guid accountId, Guid sessionId, CancellationToken cancellationToken);
}
