using Marten;
using Mediator;
using PileRig.BuildingBlocks.Auditing;
using PileRig.Modules.Personnel.Domain;
using PileRig.Modules.Personnel.Infrastructure;
using PileRig.SharedKernel.Rules;

namespace PileRig.Modules.Personnel.Features.ChangePassword;

public sealed class ChangePasswordHandler(IDocumentSession session, Passwords passwords, RequestContext context, TimeProvider clock)
    : ICommandHandler<ChangePassword, Account>
{
    public async ValueTask<Account> Handle(ChangePassword command, CancellationToken cancellationToken)
    {
        var accountId = context.Actor.AccountId;
        var stream = await session.Events.FetchForWriting<Account>(accountId, cancellationToken);
        var credential = await session.LoadAsync<AccountCredential>(accountId, cancellationToken);
        if (credential is null || !passwords.Verify(credential.PasswordHash, command.CurrentPassword!))
        {
            throw new RuleViolationException(PersonnelRules.WrongCurrentPassword);
        }

        var changed = new PasswordChanged(accountId, clock.GetUtcNow());
        stream.AppendOne(changed);
        session.Store(credential with { PasswordHash = passwords.Hash(command.NewPassword!) });
        return stream.Aggregate!.Apply(changed);
    }
}
