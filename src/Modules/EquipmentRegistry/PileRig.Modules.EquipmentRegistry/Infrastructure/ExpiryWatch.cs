using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PileRig.Modules.EquipmentRegistry.Contracts;
using PileRig.Modules.EquipmentRegistry.Domain;
using Wolverine.Marten;
using PileRig.SharedKernel.Values;

namespace PileRig.Modules.EquipmentRegistry.Infrastructure;

/// <summary>Remembers that a notice went out, so each rig, document and date is announced once, however often the watch runs.</summary>
public sealed record ExpiryNoticeSent(string Id, Guid RigId, ExpiringDocument Document, DateOnly EndsOn, DateTimeOffset At)
{
    public static string IdFor(Guid rigId, ExpiringDocument document, DateOnly endsOn) => $"{rigId:N}:{document}:{endsOn:yyyyMMdd}";
}

/// <summary>
/// Looks for certificates and service lives ending within 30 days (hourly; PileRig:Notifications:ExpiryScanEvery) and
/// publishes one integration event per deadline through the outbox, in the same transaction as the record that it did.
/// </summary>
public sealed partial class ExpiryWatch(IServiceScopeFactory scopes, IOptions<SupervisionSettings> settings, IConfiguration configuration,
    TimeProvider clock, ILogger<ExpiryWatch> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(configuration.GetValue("PileRig:Notifications:ExpiryScanEvery", TimeSpan.FromHours(1)));
        do
        {
            try
            {
                await ScanAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogScanFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> ScanAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        var outbox = scope.ServiceProvider.GetRequiredService<IMartenOutbox>();
        outbox.Enroll(session);
        // China time: a certificate "valid until the 24th" is valid through that day in Ningbo.
        var today = ChinaTime.DayOf(clock.GetUtcNow());
        var horizon = today.AddDays(ExpiryNotices.NoticeDays);
        var oldestLife = horizon.AddYears(-settings.Value.ServiceLifeYears.Values.Append(settings.Value.DefaultServiceLifeYears).Min());
        var candidates = await session.Query<Rig>()
            .Where(r => (r.Description.CertificateValidUntil != null && r.Description.CertificateValidUntil <= horizon)
                        || r.Description.ManufactureDate <= oldestLife)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var rig in candidates)
        {
            foreach (var (document, endsOn) in ExpiryNotices.Due(rig, settings.Value, today))
            {
                var id = ExpiryNoticeSent.IdFor(rig.Id, document, endsOn);
                if (await session.LoadAsync<ExpiryNoticeSent>(id, cancellationToken) is not null)
                {
                    continue;
                }

                session.Insert(new ExpiryNoticeSent(id, rig.Id, document, endsOn, clock.GetUtcNow()));
                var d = rig.Description;
                await outbox.PublishAsync(new RigExpiryApproachingIntegrationEvent(rig.Id, $"{d.Maker} {d.Model} {d.FactorySerial}", rig.OwnerId, document, endsOn));
                sent++;
            }
        }

        await session.SaveChangesAsync(cancellationToken);
        return sent;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The certificate and service-life watch failed; retrying on the next tick")]
    private static partial void LogScanFailed(ILogger logger, Exception exception);
}
