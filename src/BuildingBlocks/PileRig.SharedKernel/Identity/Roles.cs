namespace PileRig.SharedKernel.Identity;

/// <summary>The roles an account can have; the strings are what the auth cookie and tokens carry.</summary>
public static class Roles
{
    /// <summary>监理单位's own account.</summary>
    public const string SupervisionFirm = "supervision_firm";

    /// <summary>产权单位's own account.</summary>
    public const string RigOwner = "rig_owner";

    /// <summary>项目监理人员, created by a supervision firm.</summary>
    public const string Engineer = "engineer";

    /// <summary>监管部门 (住建局 / 安监站), created by the admin, bound to jurisdictions.</summary>
    public const string Regulator = "regulator";

    /// <summary>平台管理员.</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [SupervisionFirm, RigOwner, Engineer, Regulator, Admin];

    public static bool IsEnterpriseAccount(string role) => role is SupervisionFirm or RigOwner;
}

/// <summary>The two kinds of enterprise that register themselves.</summary>
public enum EnterpriseKind
{
    SupervisionFirm,
    RigOwner,
}
