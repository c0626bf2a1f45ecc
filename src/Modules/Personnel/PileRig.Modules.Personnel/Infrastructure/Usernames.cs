using Marten;
using PileRig.Modules.Personnel.Domain;
using PileRig.SharedKernel.Rules;
using PileRig.SharedKernel.Values;

namespace PileRig.Modules.Personnel.Infrastructure;

/// <summary>Reserving usernames. The claim document's id is the normalised name, so two concurrent claims cannot both commit.</summary>
public static class Usernames
{
    public static async Task ClaimAsync(IDocumentSession session, string username, Guid accountId, CancellationToken cancellationToken)
    {
        var normalized = Username.Normalize(username);
        if (await session.LoadAsync<UsernameClaim>(normalized, cancellationToken) is not null)
        {
            throw new RuleViolationException(PersonnelRules.UsernameTaken, ("username", username));
        }

        session.Insert(new UsernameClaim(normalized, accountId));
    }

    /// <summary>
    /// Claims the first free login made from a mobile number (<see cref="FirstFreeAsync"/>). Two creations with one
    /// number at the same moment both see the same one free; the database lets one insert win and the other command is
    /// decided again (<c>IRetriedOnConflict</c>), finding the next.
    /// </summary>
    public static async Task<string> ClaimFirstFreeAsync(IDocumentSession session, string mobile, Guid accountId, CancellationToken cancellationToken)
    {
        var username = await FirstFreeAsync(session, mobile, cancellationToken);
        session.Insert(new UsernameClaim(username, accountId));
        return username;
    }

    /// <summary>The mobile number if free, else mobile-2, mobile-3 …: engineers log in with the number they know.</summary>
    public static async Task<string> FirstFreeAsync(IQuerySession session, string mobile, CancellationToken cancellationToken)
    {
        for (var suffix = 1; ; suffix++)
        {
            var candidate = suffix == 1 ? mobile : $"{mobile}-{suffix}";
            if (await session.LoadAsync<UsernameClaim>(candidate, cancellationToken) is null)
            {
                return candidate;
            }
        }
    }

    public static async Task<Guid?> FindAccountIdAsync(IQuerySession session, string username, CancellationToken cancellationToken) =>
        (await session.LoadAsync<UsernameClaim>(Username.Normalize(username), cancellationToken))?.AccountId;
}
