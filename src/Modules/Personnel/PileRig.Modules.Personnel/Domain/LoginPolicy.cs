namespace PileRig.Modules.Personnel.Domain;

/// <summary>Per-account lockout settings (the per-address limit is the host's rate limiter).</summary>
public sealed class LoginPolicy
{
    public const string Section = "PileRig:Login";

    public int MaxConsecutiveFailures { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;
}
