using Marten;
using PileRig.Modules.Enterprises.Contracts;
using PileRig.Modules.Enterprises.Domain;

namespace PileRig.Modules.Enterprises.Infrastructure;

public sealed class EnterpriseProfileLookup(IQuerySession session) : IEnterpriseProfileLookup
{
    public async Task<bool> IsProfileCompleteAsync(Guid enterpriseId, CancellationToken cancellationToken) =>
        (await session.LoadAsync<Enterprise>(enterpriseId, cancellationToken))?.ProfileComplete == true;
}
