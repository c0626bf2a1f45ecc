using System.Collections.Concurrent;
using Marten;
using PileRig.Modules.Enterprises.Contracts;
using PileRig.Modules.Enterprises.Domain;

namespace PileRig.Modules.Enterprises.Infrastructure;

/// <summary>
/// The profile gate, asked on every request of an enterprise account. A completed profile never becomes incomplete, so
/// a "complete" answer is remembered for the life of the process (every node learns it on its own first read); an
/// incomplete one is read from the store each time, so completing it counts at once.
/// </summary>
public sealed class EnterpriseProfileLookup(IQuerySession session, CompletedProfiles completed) : IEnterpriseProfileLookup
{
    public async Task<bool> IsProfileCompleteAsync(Guid enterpriseId, CancellationToken cancellationToken)
    {
        if (completed.Contains(enterpriseId))
        {
            return true;
        }

        var complete = (await session.LoadAsync<Enterprise>(enterpriseId, cancellationToken))?.ProfileComplete == true;
        if (complete)
        {
            completed.Add(enterpriseId);
        }

        return complete;
    }
}

/// <summary>Enterprises whose profile this process has seen complete (singleton).</summary>
public sealed class CompletedProfiles
{
    private readonly ConcurrentDictionary<Guid, byte> _ids = new();

    public bool Contains(Guid enterpriseId) => _ids.ContainsKey(enterpriseId);

    public void Add(Guid enterpriseId) => _ids.TryAdd(enterpriseId, 0);
}
