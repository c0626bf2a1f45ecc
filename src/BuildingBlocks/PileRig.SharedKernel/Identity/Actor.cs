namespace PileRig.SharedKernel.Identity;

/// <summary>Where a request came from: the browser client (cookie) or an API client (bearer token), and its user agent.</summary>
public sealed record ClientInfo(string Channel, string? UserAgent, string? Address)
{
    public const string Web = "web";
    public const string Api = "api";
    public const string System = "system";

    public static readonly ClientInfo SystemClient = new(System, null, null);
}

/// <summary>
/// Who is acting: resolved from the database on every request (not trusted from the cookie), so a disabled account or a
/// changed password takes effect at once.
/// </summary>
public sealed record Actor(
    Guid AccountId,
    string Username,
    string DisplayName,
    string Role,
    Guid? EnterpriseId,
    bool MustChangePassword,
    bool ProfileComplete,
    IReadOnlyList<string> Jurisdictions,
    ClientInfo Client)
{
    public bool IsEnterpriseAccount => Roles.IsEnterpriseAccount(Role);

    public bool IsAdmin => Role == Roles.Admin;

    /// <summary>Password changed (if required) and, for an enterprise account, profile complete.</summary>
    public bool IsReadyForWork => !MustChangePassword && (!IsEnterpriseAccount || ProfileComplete);

    /// <summary>The platform itself, for work no person started (bootstrap, scheduled jobs).</summary>
    public static Actor System(string name) =>
        new(Guid.Empty, name, name, Roles.Admin, null, false, true, [], ClientInfo.SystemClient);
}
