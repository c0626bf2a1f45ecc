using Marten;
using PileRig.Modules.EquipmentRegistry.Contracts;
using PileRig.Modules.EquipmentRegistry.Features.Supervision;

namespace PileRig.Modules.EquipmentRegistry.Infrastructure;

public sealed class RigUsageDirectory(IQuerySession session) : IRigUsageDirectory
{
    public async Task<int> CountOpenUsagesAsync(Guid projectId, CancellationToken cancellationToken) =>
        await session.Query<UsageRecord>().CountAsync(u => u.ProjectId == projectId && u.Status != UsageStatus.Exited, cancellationToken);
}
