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
        // Only deadlines inside the notice window, found by the indexed dates (a manufacture-date window per service
        // life): what ended long ago, or ends years from now, is not read.
        var where = new List<string> { "(d.description_certificate_valid_until between ?::date and ?::date)" };
        var parameters = new List<object> { Day(today), Day(horizon) };
        var configured = settings.Value.ServiceLifeYears;
        foreach (var (type, years) in configured)
        {
            where.Add("(d.description_type_code = ? and d.description_manufacture_date between ?::date and ?::date)");
            parameters.AddRange([type, Day(today.AddYears(-years)), Day(horizon.AddYears(-years))]);
        }

        var defaultYears = settings.Value.DefaultServiceLifeYears;
        where.Add("(not (d.description_type_code = any(?)) and d.description_manufacture_date between ?::date and ?::date)");
        parameters.AddRange([configured.Keys.ToArray(), Day(today.AddYears(-defaultYears)), Day(horizon.AddYears(-defaultYears))]);
        var candidates = await session.QueryAsync<Rig>("where " + string.Join(" or ", where), cancellationToken, [.. parameters]);
        var due = candidates.SelectMany(rig => ExpiryNotices.Due(rig, settings.Value, today).Select(d => (Rig: rig, d.Document, d.EndsOn))).ToList();
        var already = (await session.LoadManyAsync<ExpiryNoticeSent>(cancellationToken,
            due.Select(d => ExpiryNoticeSent.IdFor(d.Rig.Id, d.Document, d.EndsOn)).ToArray())).Select(n => n.Id).ToHashSet();
        var sent = 0;
        foreach (var (rig, document, endsOn) in due)
        {
            {
                var id = ExpiryNoticeSent.IdFor(rig.Id, document, endsOn);
                if (already.Contains(id))
                {
                    continue;
                }

                session.Insert(new ExpiryNoticeSent(id, rig.Id, document, endsOn, clock.GetUtcNow()));
                var d = rig.Description;
                var usage = rig.Usage is { } current ? await session.LoadAsync<Features.Supervision.UsageRecord>(current.UsageId, cancellationToken) : null;
                await outbox.PublishAsync(new RigExpiryApproachingIntegrationEvent(rig.Id, $"{d.Maker} {d.Model} {d.FactorySerial}", rig.OwnerId, document, endsOn,
                    usage?.FirmId, usage?.JurisdictionCode));
                sent++;
            }
        }

        await session.SaveChangesAsync(cancellationToken);
        return sent;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The certificate and service-life watch failed; retrying on the next tick")]
    private static partial void LogScanFailed(ILogger logger, Exception exception);
}
