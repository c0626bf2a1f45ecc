namespace PileRig.BuildingBlocks.Http;

/// <summary>Scheme, claim and policy names shared by the host and the modules' endpoints.</summary>
public static class AuthConstants
{
    /// <summary>Chooses bearer when an Authorization header is present, the cookie otherwise.</summary>
    public const string SelectorScheme = "pilerig";
    public const string CookieScheme = "pilerig-cookie";
    public const string BearerScheme = "pilerig-bearer";

    public const string AccountIdClaim = "sub";
    public const string SecurityStampClaim = "stamp";

    public const string SessionIdClaim = "sid";
}

/// <summary>Authorization policies. Every policy except <see cref="SignedIn"/> also requires the account to be ready
/// for work: password changed if it had to be, and for an enterprise account a complete profile.</summary>
public static class Policies
{
    /// <summary>Any active account, even one that must still change its password or complete its profile.</summary>
    public const string SignedIn = "signed-in";
    public const string Ready = "ready";
    public const string SupervisionFirm = "supervision-firm";
    public const string RigOwner = "rig-owner";
    public const string EnterpriseAccount = "enterprise-account";
    public const string Admin = "admin";
    public const string Regulator = "regulator";

    /// <summary>A supervision firm's account or one of its engineers.</summary>
    public const string Supervision = "supervision";

    /// <summary>Who may flag a rig: a supervision firm, its engineers, a regulator.</summary>
    public const string FlagRaisers = "flag-raisers";

    /// <summary>The admin or a regulator: oversight lists.</summary>
    public const string Oversight = "oversight";
}

/// <summary>Rate-limiter policy names; the host defines them.</summary>
public static class RateLimitPolicies
{
    /// <summary>Login and sign-up attempts per client address.</summary>
    public const string Login = "login";

    /// <summary>Anonymous pages (the public QR page), per client address.</summary>
    public const string Public = "public";

    /// <summary>Code lookups by a signed-in account (probing which codes exist), per account.</summary>
    public const string CodeLookups = "code-lookups";
}
