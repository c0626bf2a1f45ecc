using Marten;
using Microsoft.Extensions.Hosting;
using PileRig.Modules.EquipmentRegistry.Domain;

namespace PileRig.Modules.EquipmentRegistry.Infrastructure;

/// <summary>Adds the seeded rig types that are missing (never overwrites an edited one).</summary>
public sealed class RigTypeSeeder(IDocumentStore store) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var existing = (await session.Query<RigType>().Select(t => t.Id).ToListAsync(cancellationToken)).ToHashSet();
        var missing = RigTypeSeed.Types.Where(t => !existing.Contains(t.Id)).ToList();
        if (missing.Count > 0)
        {
            session.Store(missing.ToArray());
            await session.SaveChangesAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
