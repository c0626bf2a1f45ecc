using Marten;
using PileRig.Modules.Personnel.Contracts;
using PileRig.Modules.Personnel.Domain;

namespace PileRig.Modules.Personnel.Infrastructure;

public sealed class AccountLookup(IQuerySession session) : IAccountLookup
{
    public async Task<AccountSummary?> FindAsync(Guid accountId, CancellationToken cancellationToken) =>
        await session.LoadAsync<Account>(accountId, cancellationToken) is { } account ? Summary(account) : null;

    public async Task<AccountSummary?> FindSignedInAsync(Guid accountId, Guid sessionId, CancellationToken cancellationToken)
    {
        // The account and whether this session was logged out, in one round trip.
        var batch = session.CreateBatchQuery();
        var accountRead = batch.Load<Account>(accountId);
        var endedRead = batch.Load<EndedSession>(sessionId);
        await batch.Execute(cancellationToken);
        var account = await accountRead;
        if (account is null || await endedRead is not null)
        {
            return null;
        }

        return Summary(account);
    }

    private static AccountSummary Summary(Account account) =>
        new(account.Id, account.Username, account.DisplayName, account.Role, account.EnterpriseId,
            account.Status == AccountStatus.Active, account.MustChangePassword, account.SecurityStamp, account.Jurisdictions);
}
