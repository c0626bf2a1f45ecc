using Marten;
using PileRig.Modules.EquipmentRegistry.Contracts;
using PileRig.Modules.EquipmentRegistry.Features.Supervision;

namespace PileRig.Modules.EquipmentRegistry.Infrastructure;

/// <summary>Counts from the usage records, which the entry and exit write in their own transactions (exact, never late).</summary>
public sealed class RigUsageDirectory(IQuerySession session) : IRigUsageDirectory
{
    public async Task<int> CountOpenUsagesAsync(Guid projectId, CancellationToken cancellationToken) =>
        await session.Query<UsageRecord>().CountAsync(u => u.ProjectId == projectId && u.Status != UsageStatus.Exited, cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, int>> CountOpenUsagesAsync(IReadOnlyCollection<Guid> projectIds, CancellationToken cancellationToken)
    {
        if (projectIds.Count == 0)
        {
            return new Dictionary<Guid, int>();
        }

        var ids = projectIds.ToArray();
        var open = await session.Query<UsageRecord>().Where(u => ids.Contains(u.ProjectId) && u.Status != UsageStatus.Exited)
            .Select(u => u.ProjectId).ToListAsync(cancellationToken);
        return open.GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
    }

    public async Task<int> CountOpenUsagesAtAsync(Guid projectId, DateTimeOffset at, CancellationToken cancellationToken) =>
        await session.Query<UsageRecord>().CountAsync(u => u.ProjectId == projectId && u.RegisteredAt <= at
            && (u.ExitedAt == null || u.ExitedAt > at), cancellationToken);
}
