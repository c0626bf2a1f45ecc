using Marten;
using Microsoft.Extensions.Hosting;
using PileRig.Modules.Projects.Contracts;
using PileRig.Modules.Projects.Domain;
using PileRig.SharedKernel.Values;

namespace PileRig.Modules.Projects.Infrastructure;

/// <summary>Adds the seeded jurisdictions that are missing, on every start; ids derive from codes, so this is idempotent.</summary>
public sealed class JurisdictionSeeder(IDocumentStore store, TimeProvider clock) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var existing = (await session.Query<Jurisdiction>().Select(j => j.Code).ToListAsync(cancellationToken)).ToHashSet();
        var missing = NingboJurisdictions.Seed.Where(s => !existing.Contains(s.Code)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        session.LastModifiedBy = "system";
        session.SetHeader("client", "system");
        foreach (var (code, zh, en, kind) in missing)
        {
            var id = Jurisdiction.IdFor(code);
            session.Events.StartStream<Jurisdiction>(id, new JurisdictionAdded(id, code, zh, en, kind, NingboJurisdictions.Since, null, clock.GetUtcNow()));
        }

        await session.SaveChangesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed class JurisdictionDirectory(IQuerySession session, TimeProvider clock) : IJurisdictionDirectory
{
    public async Task<bool> IsCurrentAsync(string code, CancellationToken cancellationToken) =>
        (await session.LoadAsync<Jurisdiction>(Jurisdiction.IdFor(code), cancellationToken))?.IsCurrent(ChinaTime.Today(clock)) == true;
}
