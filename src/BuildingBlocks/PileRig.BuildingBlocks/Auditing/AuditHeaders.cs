namespace PileRig.BuildingBlocks.Auditing;

/// <summary>Names of the Marten event headers that record who did something, from where.</summary>
public static class AuditHeaders
{
    public const string AccountId = "account_id";
    public const string Username = "username";
    public const string EnterpriseId = "enterprise_id";
    public const string Role = "role";
    public const string Channel = "client";
    public const string UserAgent = "user_agent";
    public const string Address = "ip";
}
