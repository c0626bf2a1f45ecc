using Marten;
using Mediator;
using Microsoft.Extensions.Options;
using PileRig.Modules.Personnel.Domain;
using PileRig.Modules.Personnel.Infrastructure;
using PileRig.SharedKernel.Rules;

namespace PileRig.Modules.Personnel.Features.LogIn;

public sealed class LogInHandler(IDocumentSession session, Passwords passwords, IOptions<LoginPolicy> policy, TimeProvider clock)
    : ICommandHandler<LogIn, LogInResult>
{
    private static readonly RuleViolation WrongCredentials = RuleViolation.Of(PersonnelRules.InvalidCredentials);

    public async ValueTask<LogInResult> Handle(LogIn command, CancellationToken cancellationToken)
    {
        var accountId = await Usernames.FindAccountIdAsync(session, command.Username!, cancellationToken);
        if (accountId is null)
        {
            passwords.Verify(passwords.DummyHash, command.Password!);
            return new LogInResult(null, WrongCredentials);
        }

        var stream = await session.Events.FetchForWriting<Account>(accountId.Value, cancellationToken);
        var account = stream.Aggregate!;
        var credential = await session.LoadAsync<AccountCredential>(account.Id, cancellationToken);
        var matches = credential is not null && passwords.Verify(credential.PasswordHash, command.Password!);

        var decision = AccountDecisions.LogIn(account, matches, policy.Value, clock.GetUtcNow());
        if (decision.Violation is { } refusal)
        {
            return new LogInResult(null, refusal);
        }

        stream.AppendMany(decision.Events);
        return decision.Events.OfType<AccountLockedOut>().FirstOrDefault() is { } lockout
            ? new LogInResult(null, RuleViolation.Of(PersonnelRules.AccountLocked, ("until", lockout.Until.ToString("u"))))
            : decision.Events.OfType<LoginFailed>().Any()
                ? new LogInResult(null, WrongCredentials)
                : new LogInResult(account, null);
    }
}
