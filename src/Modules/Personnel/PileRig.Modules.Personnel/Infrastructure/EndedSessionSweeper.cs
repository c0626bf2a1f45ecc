using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PileRig.Modules.Personnel.Domain;

namespace PileRig.Modules.Personnel.Infrastructure;

/// <summary>
/// A logged-out session need only be remembered while a copy of its cookie or token could still be valid: no cookie or
/// token outlives its session lifetime after it was last renewed, and an ended session is never renewed. Hourly, by the
/// indexed end time: the work is the sessions to forget.
/// </summary>
public sealed partial class EndedSessionSweeper(IDocumentStore store, TimeProvider clock, ILogger<EndedSessionSweeper> logger) : BackgroundService
{
    /// <summary>Longer than any session lives (PileRig:Security:SessionHours, 12 by default).</summary>
    public static readonly TimeSpan RememberedFor = TimeSpan.FromDays(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await using var session = store.LightweightSession();
                var before = clock.GetUtcNow() - RememberedFor;
                session.DeleteWhere<EndedSession>(s => s.EndedAt < before);
                await session.SaveChangesAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(logger, e); // tried again next hour; nothing depends on it but the table's size
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forgetting old logged-out sessions failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
