using System.Threading.Channels;
using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Weasel.Core;

namespace PileRig.Modules.EquipmentRegistry.Infrastructure;

/// <summary>
/// Failed scans (forged, unknown, revoked codes) are evidence for the regulator, but recording each one is not the
/// scanning phone's business: they are queued here and written by one background loop in bulk (one COPY per batch
/// of up to 5,000), off the request path, so a flood of forged codes costs the scanners a queue write. The loop
/// drains as fast as PostgreSQL takes the batches (waiting 100 ms after a batch that was not full, so a flood makes
/// a few large ones), and the queue
/// is drained on shutdown; a process killed outright loses only what was queued and not yet written. Bounded: when
/// 100,000 wait (a flood faster than the database) a request waits for room instead of the record being dropped —
/// nothing a regulator should see is thrown away, and the flood slows itself down.
/// </summary>
public sealed partial class ScanAttemptRecorder(IDocumentStore store, ILogger<ScanAttemptRecorder> logger) : BackgroundService
{
    private const int BatchSize = 5_000;
    private static readonly TimeSpan AfterFailure = TimeSpan.FromSeconds(1);

    // After a batch smaller than full, the loop waits this long for more: a flood is then written in a few large COPYs
    // (a commit each) instead of one small one per attempt, which would cost the database more than the scans do.
    private static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(100);

    private readonly Channel<ScanAttempt> _queue = Channel.CreateBounded<ScanAttempt>(
        new BoundedChannelOptions(100_000) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    private readonly List<ScanAttempt> _failed = []; // only the loop (or the final flush) touches it

    /// <summary>Queues the attempt; waits only while the queue is full.</summary>
    public ValueTask RecordAsync(ScanAttempt attempt, CancellationToken cancellationToken) =>
        _queue.Writer.TryWrite(attempt) ? ValueTask.CompletedTask : _queue.Writer.WriteAsync(attempt, cancellationToken);

    /// <summary>Writes everything queued now (tests, and shutdown).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        while (_queue.Reader.TryPeek(out _))
        {
            if (!(await WriteBatchAsync(cancellationToken)).Written)
            {
                await Task.Delay(AfterFailure, cancellationToken);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                var (written, full) = await WriteBatchAsync(stoppingToken);
                if (!written)
                {
                    await Task.Delay(AfterFailure, stoppingToken);
                }
                else if (!full)
                {
                    await Task.Delay(Linger, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            using var shutdown = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await FlushAsync(shutdown.Token);
        }
    }

    private async Task<(bool Written, bool Full)> WriteBatchAsync(CancellationToken cancellationToken)
    {
        // A batch that failed is written first and whole, before anything newer: the queue keeps its order.
        var batch = new List<ScanAttempt>(_failed);
        _failed.Clear();
        while (batch.Count < BatchSize && _queue.Reader.TryRead(out var attempt))
        {
            batch.Add(attempt);
        }

        if (batch.Count == 0)
        {
            return (true, false);
        }

        try
        {
            // Ids are fresh, so plain inserts; one COPY is all-or-nothing, so a retried batch is never half-written.
            await store.BulkInsertDocumentsAsync(batch, BulkInsertMode.InsertsOnly, batchSize: BatchSize, cancellationToken);
            return (true, batch.Count == BatchSize);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogWriteFailed(logger, e, batch.Count);
            _failed.AddRange(batch);
            return (false, false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} failed-scan records failed; they are written again shortly")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count);
}
