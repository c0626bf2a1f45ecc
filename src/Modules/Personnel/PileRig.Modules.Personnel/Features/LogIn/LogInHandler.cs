using Marten;
using Mediator;
using Microsoft.Extensions.Options;
using PileRig.Modules.Personnel.Domain;
using PileRig.Modules.Personnel.Infrastructure;
using PileRig.SharedKernel.Rules;
using PileRig.SharedKernel.Values;

namespace PileRig.Modules.Personnel.Features.LogIn;

public sealed class LogInHandler(IDocumentSession session, Passwords passwords, IOptions<LoginPolicy> policy, TimeProvider clock)
    : ICommandHandler<LogIn, Account>
{
    public async ValueTask<Account> Handle(LogIn command, CancellationToken cancellationToken)
    {
        var accountId = await Usernames.FindAccountIdAsync(session, command.Username!, cancellationToken);
        if (accountId is null)
        {
            passwords.Verify(passwords.DummyHash, command.Password!); // as long as a real check: no telling which names exist
            throw new RuleViolationException(PersonnelRules.InvalidCredentials);
        }

        var stream = await session.Events.FetchForWriting<Account>(accountId.Value, cancellationToken);
        var account = stream.Aggregate!;
        var credential = await session.LoadAsync<AccountCredential>(account.Id, cancellationToken);
        var matches = credential is not null && passwords.Verify(credential.PasswordHash, command.Password!);

        var decision = AccountDecisions.LogIn(account, matches, policy.Value, clock.GetUtcNow());
        var events = decision.EventsOrThrow();
        stream.AppendMany(events);
        return events.OfType<AccountLockedOut>().FirstOrDefault() is { } lockout
            ? throw new RecordedRefusalException(PersonnelRules.AccountLocked,
                ("until", ChinaTime.Of(lockout.Until).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)))
            : events.OfType<LoginFailed>().Any()
                ? throw new RecordedRefusalException(PersonnelRules.InvalidCredentials)
                : account;
    }
}
