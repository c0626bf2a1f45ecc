using System.Diagnostics;
using JasperFx.Events;
using Marten;

namespace PileRig.BuildingBlocks.Persistence;

/// <summary>What one aggregate type's rebuild did.</summary>
public sealed record SnapshotRebuildResult(string Aggregate, int Streams, long Events, int CaughtUp, TimeSpan Elapsed);

/// <summary>
/// Rebuilds the inline snapshots of every aggregate (a rig, a verification, an account …) from their events, while the
/// product keeps serving commands — after a change to an aggregate's <c>Apply</c>, or to repair a snapshot (ADR 0016).
/// <para>
/// Streams are taken a batch at a time in id order. A batch's stream rows are locked (<c>for update</c>) in the batch's
/// transaction, so a command appending to one of them waits the few milliseconds the batch takes instead of racing it;
/// the others are not touched. A command that read a snapshot before its batch was locked and commits after it writes
/// its own fold over the rebuilt one, so streams appended to while the rebuild ran are folded once more at the end.
/// Cost grows with the events folded: one read of the batch's events, one write of its snapshots.
/// </para>
/// </summary>
public sealed class SnapshotRebuild(IDocumentStore store)
{
    private const int StreamsPerBatch = 500;

    public async Task<IReadOnlyList<SnapshotRebuildResult>> RebuildAsync(IEnumerable<Type> aggregateTypes, Action<string> progress,
        CancellationToken cancellationToken)
    {
        var results = new List<SnapshotRebuildResult>();
        foreach (var type in aggregateTypes)
        {
            var rebuild = typeof(SnapshotRebuild).GetMethod(nameof(RebuildOneAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(type);
            var result = await (Task<SnapshotRebuildResult>)rebuild.Invoke(this, [progress, cancellationToken])!;
            progress($"{result.Aggregate}: {result.Streams:N0} streams, {result.Events:N0} events in {result.Elapsed.TotalSeconds:N1} s"
                + $" ({result.CaughtUp:N0} folded again: appended to meanwhile)");
            results.Add(result);
        }

        return results;
    }

    /// <summary>The aggregate types that have an inline snapshot in this store.</summary>
    public IReadOnlyList<Type> SnapshotTypes() =>
        ((DocumentStore)store).Options.Projections.All
            .Where(p => p.Lifecycle == JasperFx.Events.Projections.ProjectionLifecycle.Inline)
            .SelectMany(p => p.PublishedTypes())
            .Distinct()
            .ToList();

    private async Task<SnapshotRebuildResult> RebuildOneAsync<T>(Action<string> progress, CancellationToken cancellationToken) where T : class
    {
        var options = ((DocumentStore)store).Options;
        var alias = ((Marten.Events.EventGraph)options.Events).AggregateAliasFor(typeof(T));
        var aggregator = options.Projections.AggregatorFor<T>();
        var clock = Stopwatch.StartNew();
        var startedAt = await ScalarAsync<DateTimeOffset>("select now()", cancellationToken);

        var streams = 0;
        long events = 0;
        var after = Guid.Empty;
        while (true)
        {
            var (ids, folded) = await FoldBatchAsync(aggregator,
                "select id from events.mt_streams where type = ? and id > ? order by id limit ? for update", [alias, after, StreamsPerBatch],
                cancellationToken);
            if (ids.Count == 0)
            {
                break;
            }

            streams += ids.Count;
            events += folded;
            after = ids[^1];
            if (streams % (StreamsPerBatch * 40) == 0)
            {
                progress($"  {typeof(T).Name}: {streams:N0} streams, {events:N0} events ({events / clock.Elapsed.TotalSeconds:N0}/s)");
            }
        }

        // Streams appended to while the rebuild ran: folded again, now that no command can hold a read from before.
        var caughtUp = 0;
        after = Guid.Empty;
        while (true)
        {
            var (ids, _) = await FoldBatchAsync(aggregator,
                "select id from events.mt_streams where type = ? and timestamp >= ? and id > ? order by id limit ? for update",
                [alias, startedAt, after, StreamsPerBatch], cancellationToken);
            if (ids.Count == 0)
            {
                break;
            }

            caughtUp += ids.Count;
            after = ids[^1];
        }

        return new SnapshotRebuildResult(typeof(T).Name, streams, events, caughtUp, clock.Elapsed);
    }

    private async Task<(IReadOnlyList<Guid> Ids, long Events)> FoldBatchAsync<T>(JasperFx.Events.Aggregation.IAggregator<T, IQuerySession> aggregator,
        string lockStreams, object[] parameters, CancellationToken cancellationToken) where T : class
    {
        await using var session = store.LightweightSession();
        await session.BeginTransactionAsync(cancellationToken);
        var ids = await session.QueryAsync<Guid>(lockStreams, cancellationToken, parameters);
        if (ids.Count == 0)
        {
            return (ids, 0);
        }

        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId.IsOneOf(ids.ToArray()))
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        foreach (var stream in events.GroupBy(e => e.StreamId))
        {
            var snapshot = await aggregator.BuildAsync(stream.ToList(), session, null, cancellationToken);
            if (snapshot is not null)
            {
                session.Store(snapshot);
            }
        }

        await session.SaveChangesAsync(cancellationToken);
        return (ids, events.Count);
    }

    private async Task<TValue> ScalarAsync<TValue>(string sql, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return (await session.QueryAsync<TValue>(sql, cancellationToken)).Single();
    }
}
