using Microsoft.AspNetCore.Identity;
using PileRig.Modules.Personnel.Domain;

namespace PileRig.Modules.Personnel.Infrastructure;

/// <summary>ASP.NET Core's PasswordHasher (PBKDF2, versioned format); nothing home-made.</summary>
public sealed class Passwords
{
    private static readonly Account Subject = null!;
    private readonly PasswordHasher<Account> _hasher = new();

    public string Hash(string password) => _hasher.HashPassword(Subject, password);

    public bool Verify(string hash, string password) =>
        _hasher.VerifyHashedPassword(Subject, hash, password) != PasswordVerificationResult.Failed;

    /// <summary>A hash of a random password, verified against when the username is unknown so timing reveals nothing.</summary>
    public string DummyHash { get; } = new PasswordHasher<Account>().HashPassword(null!, Guid.NewGuid().ToString());
}
