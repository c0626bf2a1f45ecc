using PileRig.SharedKernel.Identity;
using PileRig.SharedKernel.Rules;

namespace PileRig.Modules.Personnel.Domain;

/// <summary>What may happen to an account. Pure: state, command facts, actor and clock in; events or a refusal out.</summary>
public static class AccountDecisions
{
    /// <summary>A login attempt whose password check has already been made (hash verification is not pure).</summary>
    public static Decision LogIn(Account account, bool passwordMatches, LoginPolicy policy, DateTimeOffset now)
    {
        if (account.LockedUntil is { } until && until > now)
        {
            return Decision.Refuse(PersonnelRules.AccountLocked, ("until", until.ToString("u")));
        }

        if (!passwordMatches)
        {
            var failures = account.ConsecutiveFailedLogins + 1;
            var failed = new LoginFailed(account.Id, failures, now);
            return failures >= policy.MaxConsecutiveFailures
                ? Decision.Accept(failed, new AccountLockedOut(account.Id, now.AddMinutes(policy.LockoutMinutes), now))
                : Decision.Accept(failed);
        }

        // The password is right: only now say the account is disabled, so the message leaks nothing to a guesser.
        return account.Status == AccountStatus.Disabled
            ? Decision.Refuse(PersonnelRules.AccountDisabled)
            : Decision.Accept(new LoginSucceeded(account.Id, now));
    }

    public static Decision Disable(Account engineer, Actor actor, string? reason, DateTimeOffset now) =>
        engineer.Status == AccountStatus.Disabled
            ? Decision.Refuse(PersonnelRules.AlreadyDisabled)
            : Decision.Accept(new AccountDisabled(engineer.Id, actor.AccountId, reason, now));

    public static Decision Enable(Account engineer, Actor actor, string? reason, DateTimeOffset now) =>
        engineer.Status == AccountStatus.Active
            ? Decision.Refuse(PersonnelRules.AlreadyActive)
            : Decision.Accept(new AccountEnabled(engineer.Id, actor.AccountId, reason, now));

    /// <summary>A firm manages only its own engineers; anything else is "not found", never someone else's record.</summary>
    public static bool IsManagedBy(Account account, Actor actor) =>
        account.Role == Roles.Engineer && account.EnterpriseId is not null && account.EnterpriseId == actor.EnterpriseId
        && actor.Role == Roles.SupervisionFirm;
}
