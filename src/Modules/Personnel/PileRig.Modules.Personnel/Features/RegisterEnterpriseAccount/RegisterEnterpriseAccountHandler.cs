using Marten;
using Mediator;
using PileRig.Modules.Personnel.Domain;
using PileRig.Modules.Personnel.Infrastructure;
using PileRig.SharedKernel.Identity;

namespace PileRig.Modules.Personnel.Features.RegisterEnterpriseAccount;

public sealed class RegisterEnterpriseAccountHandler(IDocumentSession session, Passwords passwords, TimeProvider clock)
    : ICommandHandler<RegisterEnterpriseAccount, RegisteredAccount>
{
    public async ValueTask<RegisteredAccount> Handle(RegisterEnterpriseAccount command, CancellationToken cancellationToken)
    {
        var accountId = Guid.CreateVersion7();
        var username = command.Username!.Trim();
        await Usernames.ClaimAsync(session, username, accountId, cancellationToken);

        // The enterprise id is reserved here; the Enterprises module starts that stream when the profile is submitted.
        var enterpriseId = Guid.CreateVersion7();
        var kind = command.Kind == Roles.SupervisionFirm ? EnterpriseKind.SupervisionFirm : EnterpriseKind.RigOwner;
        session.Events.StartStream<Account>(accountId, new EnterpriseAccountRegistered(
            accountId, username, command.Mobile!, command.Kind!, enterpriseId, kind, clock.GetUtcNow()));
        session.Store(new AccountCredential(accountId, passwords.Hash(command.Password!)));
        return new RegisteredAccount(accountId, enterpriseId, username, command.Kind!);
    }
}
