using System.Threading.Channels;
using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PileRig.Modules.EquipmentRegistry.Infrastructure;

/// <summary>
/// Failed scans (forged, unknown, revoked codes) are evidence for the regulator, but recording each one is not the
/// scanning phone's business: they are queued here and written in batches (one transaction per batch, at most every
/// 200 ms), off the request path, so a flood of forged codes costs the scanners nothing. The queue is drained on
/// shutdown; a process killed outright loses at most the last 200 ms of attempts. Bounded: past 100,000 waiting (an
/// attack no rate limit stopped) the newest are dropped, and counted in the log.
/// </summary>
public sealed partial class ScanAttemptRecorder(IDocumentStore store, ILogger<ScanAttemptRecorder> logger) : BackgroundService
{
    private const int BatchSize = 500;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(200);

    private readonly Channel<ScanAttempt> _queue = Channel.CreateBounded<ScanAttempt>(
        new BoundedChannelOptions(100_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private long _dropped;

    public void Record(ScanAttempt attempt)
    {
        if (!_queue.Writer.TryWrite(attempt))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>Writes everything queued now (tests, and shutdown).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        while (_queue.Reader.TryPeek(out _))
        {
            await WriteBatchAsync(cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await WriteBatchAsync(stoppingToken);
                if (Interlocked.Exchange(ref _dropped, 0) is var dropped and > 0)
                {
                    LogDropped(logger, dropped);
                }

                await Task.Delay(Pause, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await FlushAsync(CancellationToken.None);
        }
    }

    private async Task WriteBatchAsync(CancellationToken cancellationToken)
    {
        var batch = new List<ScanAttempt>(BatchSize);
        while (batch.Count < BatchSize && _queue.Reader.TryRead(out var attempt))
        {
            batch.Add(attempt);
        }

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await using var session = store.LightweightSession();
            session.Store(batch.ToArray());
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogWriteFailed(logger, e, batch.Count);
            foreach (var attempt in batch)
            {
                Record(attempt); // tried again with the next batch
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} failed-scan records were dropped: the queue was full")]
    private static partial void LogDropped(ILogger logger, long count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} failed-scan records failed; they are queued again")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count);
}
