using Marten;
using PileRig.Modules.Personnel.Contracts;
using PileRig.Modules.Personnel.Domain;

namespace PileRig.Modules.Personnel.Infrastructure;

public sealed class AccountLookup(IQuerySession session) : IAccountLookup
{
    public async Task<AccountSummary?> FindAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var account = await session.LoadAsync<Account>(accountId, cancellationToken);
        return account is null
            ? null
            : new AccountSummary(account.Id, account.Username, account.DisplayName, account.Role, account.EnterpriseId,
                account.Status == AccountStatus.Active, account.MustChangePassword, account.SecurityStamp,
                account.Jurisdictions);
    }
}
