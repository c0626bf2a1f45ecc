using PileRig.SharedKernel.Rules;

namespace PileRig.Modules.Personnel.Domain;

/// <summary>The account's current password hash (ASP.NET Core's PasswordHasher format), replaced on every change.</summary>
public sealed record AccountCredential(Guid Id, string PasswordHash);

/// <summary>Reserves a normalised username for one account; its id is the username, so a second claim cannot be inserted.</summary>
public sealed record UsernameClaim(string Id, Guid AccountId) : IUniqueClaim
{
    public object ClaimedValue => Id;

    public RuleViolation LostRace() => RuleViolation.Of(PersonnelRules.UsernameTaken, ("username", Id));
}

/// <summary>A session (one sign-in: a cookie or a bearer token) that was logged out; requests carrying it are anonymous.</summary>
public sealed record EndedSession(Guid Id, Guid AccountId, DateTimeOffset EndedAt);
