using System.Diagnostics;
using JasperFx.Events;
using Marten;
using PileRig.BuildingBlocks.Files;
using PileRig.Modules.EquipmentRegistry.Domain;
using PileRig.Modules.EquipmentRegistry.Features.Supervision;
using PileRig.Modules.EquipmentRegistry.Infrastructure;
using PileRig.SharedKernel.Values;
using Weasel.Core;

namespace PileRig.Benchmarks.Data;

/// <summary>A rig written by the generator: its id, its codes (to scan) and how many events its stream holds.</summary>
public sealed record GeneratedRig(Guid RigId, Guid OwnerId, string BaseUnitCode, IReadOnlyList<string> ComponentCodes, int Events);

/// <summary>A rig verified on a site a moment ago, with the engineer's signed form uploaded: one entry registration away.</summary>
public sealed record ReadyEntry(Site Site, Guid VerificationId, Guid FormFileId);

/// <summary>
/// Grows the store with the product's own event types through Marten's bulk path (COPY): rigs with years of use, their
/// verifications, usage records, code bindings and identity claims. The bulk path skips inline projections, so the
/// snapshots are folded here with the aggregates' own Create/Apply and written beside the events, as the product's inline
/// projections would have written them. Everything is the shape the product writes; only the route in is faster.
/// </summary>
public sealed class StoreGrower(DocumentStore store, BenchWorld world)
{
    private const int RigsPerBatch = 250;
    private readonly Random _random = new(20210611);
    private readonly IEventRegistry _events = (IEventRegistry)store.Options.Events;

    public long EventsWritten { get; private set; }

    public long UsageRecordsWritten { get; private set; }

    /// <summary>Adds rigs with a few years of use each until the store holds at least <paramref name="totalEvents"/> events.</summary>
    public async Task GrowToAsync(long totalEvents, Action<string> progress)
    {
        var clock = Stopwatch.StartNew();
        var start = await CountEventsAsync();
        var stored = start;
        while (stored < totalEvents)
        {
            var batch = new Batch();
            for (var i = 0; i < RigsPerBatch; i++)
            {
                LivedRig(batch);
            }

            await WriteAsync(batch);
            stored += batch.EventCount;
            progress($"  {stored:N0} events ({(stored - start) / clock.Elapsed.TotalSeconds:N0}/s)");
        }

        await AsAutovacuumWouldAsync();
    }

    /// <summary>
    /// A store grown by bulk insert in minutes is one autovacuum would have visited over its months: statistics and the
    /// visibility map (without which no count is answered from an index alone) are brought to that state.
    /// </summary>
    private async Task AsAutovacuumWouldAsync()
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var vacuum = connection.CreateCommand();
        vacuum.CommandText = "vacuum analyze";
        vacuum.CommandTimeout = 0;
        await vacuum.ExecuteNonQueryAsync();
    }

    /// <summary>Rigs whose streams hold exactly <paramref name="events"/> events (2 + 3 per use), readable by the regulator.</summary>
    public async Task<IReadOnlyList<GeneratedRig>> RigsWithEventsAsync(int count, int events)
    {
        var rigs = new List<GeneratedRig>();
        for (var offset = 0; offset < count; offset += RigsPerBatch)
        {
            var batch = new Batch();
            for (var i = offset; i < Math.Min(count, offset + RigsPerBatch); i++)
            {
                rigs.Add(LivedRig(batch, uses: (events - 2) / 3, spotCheckEveryUse: true, flags: false, leaveInUse: false));
            }

            await WriteAsync(batch);
        }

        return rigs;
    }

    /// <summary>Rigs registered and verified on each site just now (every component scanned), each with its entry form.</summary>
    public async Task<IReadOnlyList<ReadyEntry>> ReadyForEntryAsync(int count)
    {
        var ready = new List<ReadyEntry>();
        var now = DateTimeOffset.UtcNow;
        for (var offset = 0; offset < count; offset += RigsPerBatch)
        {
            var batch = new Batch();
            for (var i = offset; i < Math.Min(count, offset + RigsPerBatch); i++)
            {
                var site = world.Sites[i % world.Sites.Count];
                var registered = Registration(world.Owners[i % world.Owners.Count].EnterpriseId, now.AddMinutes(-30));
                batch.Rig(registered, [registered], _events);
                batch.Documents.Add(Rig.Create(registered) with { Version = 1 });
                var verificationId = Verified(batch, Rig.Create(registered), site, now.AddMinutes(-5));
                var form = new UploadedFile(Guid.CreateVersion7(), world.Pdf.Sha256, world.Pdf.Size, world.Pdf.ContentType, "进场设备报验表.pdf",
                    site.EngineerAccountId, site.FirmId, now);
                batch.Documents.Add(form);
                ready.Add(new ReadyEntry(site, verificationId, form.Id));
            }

            await WriteAsync(batch);
        }

        return ready;
    }

    /// <summary>Verifications just started on each site's rigs with nothing scanned yet: what a phone queues offline.</summary>
    public async Task<IReadOnlyList<(Site Site, Guid VerificationId, IReadOnlyList<string> ComponentCodes)>> StartedVerificationsAsync(int count)
    {
        var started = new List<(Site, Guid, IReadOnlyList<string>)>();
        var now = DateTimeOffset.UtcNow;
        var batch = new Batch();
        for (var i = 0; i < count; i++)
        {
            var site = world.Sites[0];
            var registered = Registration(world.Owners[i % world.Owners.Count].EnterpriseId, now.AddMinutes(-30));
            batch.Rig(registered, [registered], _events);
            batch.Documents.Add(Rig.Create(registered) with { Version = 1 });
            started.Add((site, Verified(batch, Rig.Create(registered), site, now.AddMinutes(-5), scanned: false),
                registered.Components.Select(c => c.Code).ToList()));
        }

        await WriteAsync(batch);
        return started;
    }

    // A rig with a few years of use: registered, a component added, then uses — each verified on a site (every code
    // scanned), entered, sometimes spot-checked or flagged and cleared, exited — the last one sometimes still going.
    private GeneratedRig LivedRig(Batch batch, int? uses = null, bool spotCheckEveryUse = false, bool flags = true, bool? leaveInUse = null)
    {
        var registeredAt = DateTimeOffset.UtcNow.AddDays(-_random.Next(200, 1100)).AddMinutes(_random.Next(0, 1440));
        var owner = world.Owners[_random.Next(world.Owners.Count)];
        var registered = Registration(owner.EnterpriseId, registeredAt);
        var events = new List<object> { registered };
        var rig = Rig.Create(registered);
        var at = registeredAt.AddDays(1);
        var added = new ComponentAdded(registered.RigId, Component(ComponentKind.MastSection, "M-03", false), owner.AccountId, at);
        events.Add(added);
        rig = rig.Apply(added);
        batch.Documents.Add(new QrBinding(added.Component.Code, rig.Id, added.Component.Id, added.Component.Kind, false, at, null));

        var useCount = uses ?? 4;
        var keepLastInUse = leaveInUse ?? _random.NextDouble() < 0.4;
        var step = TimeSpan.FromMinutes((DateTimeOffset.UtcNow - at).TotalMinutes / (useCount + 1));
        for (var u = 0; u < useCount; u++)
        {
            var site = world.Sites[_random.Next(world.Sites.Count)];
            var startedAt = at + step * u + TimeSpan.FromHours(1);
            var verificationId = Verified(batch, rig, site, startedAt);
            var entered = new UsageRegistered(rig.Id, Guid.CreateVersion7(startedAt.AddMinutes(30)), site.ProjectId, site.JurisdictionCode, site.FirmId,
                verificationId, 28.5m, 1, world.Pdf, rig.Components.Select(c => c.Id).ToList(), site.EngineerAccountId, startedAt.AddMinutes(30));
            events.Add(entered);
            rig = rig.Apply(entered);
            var record = new UsageRecord(entered.UsageId, rig.Id, rig.BaseUnitCode, rig.Description.TypeCode, rig.Description.Maker, rig.Description.Model,
                rig.Description.FactorySerial, rig.OwnerId, site.ProjectId, site.ProjectName, site.JurisdictionCode, site.FirmId, verificationId, 28.5m, 1,
                world.Pdf, entered.ScannedComponentIds, site.EngineerAccountId, entered.At, UsageStatus.InUse, [], null, null, null, []);

            if (spotCheckEveryUse || _random.NextDouble() < 0.5)
            {
                var check = new RigSpotChecked(rig.Id, site.JurisdictionCode, RigStatus.InUse, [], site.EngineerAccountId, entered.At.AddDays(3));
                events.Add(check);
                rig = rig.Apply(check);
            }

            if (flags && _random.NextDouble() < 0.05)
            {
                var flagged = new RigFlagged(rig.Id, Guid.CreateVersion7(), FlagCategory.Unqualified, "支撑杆焊缝开裂", [world.Photo], site.ProjectId,
                    site.JurisdictionCode, entered.UsageId, site.EngineerAccountId, site.FirmId, entered.At.AddDays(4));
                var cleared = new FlagCleared(rig.Id, flagged.FlagId, "已更换支撑杆并复检合格", entered.UsageId, site.EngineerAccountId, flagged.At.AddDays(2));
                events.Add(flagged);
                events.Add(cleared);
                rig = rig.Apply(flagged).Apply(cleared);
                record = record.Apply(flagged).Apply(cleared) with { FlagIds = [flagged.FlagId] };
            }

            if (u < useCount - 1 || !keepLastInUse)
            {
                var exited = new UsageExited(rig.Id, entered.UsageId, site.ProjectId, "桩基施工完成", [], site.EngineerAccountId, entered.At + step * 0.8);
                events.Add(exited);
                rig = rig.Apply(exited);
                record = record.Apply(exited);
            }

            batch.Documents.Add(record);
            UsageRecordsWritten++;
        }

        batch.Rig(registered, events, _events);
        batch.Documents.Add(rig with { Version = events.Count });
        return new GeneratedRig(rig.Id, rig.OwnerId, rig.BaseUnitCode, rig.Components.Select(c => c.Code).ToList(), events.Count);
    }

    // The verification's own stream (started, every component scanned unless told otherwise) and its snapshot.
    private Guid Verified(Batch batch, Rig rig, Site site, DateTimeOffset at, bool scanned = true)
    {
        var id = Guid.CreateVersion7(at);
        var started = new VerificationStarted(id, rig.Id, site.ProjectId, site.EngineerAccountId, at);
        var events = new List<object> { started };
        var verification = PileRig.Modules.EquipmentRegistry.Domain.Verification.Create(started);
        foreach (var component in scanned ? rig.Components : [])
        {
            var scan = new ComponentScanned(id, rig.Id, component.Id, component.Code, site.EngineerAccountId, at.AddSeconds(20));
            events.Add(scan);
            verification = verification.Apply(scan);
        }

        batch.Stream<Verification>(id, events, _events);
        batch.Documents.Add(verification with { Version = events.Count });
        return id;
    }

    private RigRegistered Registration(Guid ownerId, DateTimeOffset at)
    {
        var serial = "SN" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        var certificate = "HG" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        var description = new RigDescription("multi_axis_mixing", "浙江振中工程机械", "ZZ-85", serial,
            DateOnly.FromDateTime(at.UtcDateTime).AddYears(-1), certificate, world.Pdf, DateOnly.FromDateTime(at.UtcDateTime).AddYears(8), 33.5m,
            false, 1, [world.Photo]);
        RigComponent[] components =
        [
            Component(ComponentKind.MastSection, "M-01", false), Component(ComponentKind.MastSection, "M-02", false),
            Component(ComponentKind.Brace, "B-01", true), Component(ComponentKind.PowerHead, "P-01", false),
        ];
        return new RigRegistered(Guid.CreateVersion7(at), ownerId, description, QrCodes.NewItemCode(QrCodes.BaseUnit), components,
            world.Owners.First(o => o.EnterpriseId == ownerId).AccountId, at);
    }

    private static RigComponent Component(ComponentKind kind, string serial, bool structural) =>
        new(Guid.CreateVersion7(), kind, serial, structural, QrCodes.NewItemCode(QrCodes.Component));

    private async Task WriteAsync(Batch batch)
    {
        await store.BulkInsertEventsAsync(batch.Streams, batchSize: 5000);
        await store.BulkInsertDocumentsAsync(batch.Documents, BulkInsertMode.InsertsOnly, batchSize: 5000);
        EventsWritten += batch.EventCount;
    }

    private async Task<long> CountEventsAsync()
    {
        await using var session = store.QuerySession();
        return (await session.QueryAsync<long>("select count(*) from events.mt_events")).Single();
    }

    private sealed class Batch
    {
        public List<StreamAction> Streams { get; } = [];

        public List<object> Documents { get; } = [];

        public long EventCount { get; private set; }

        // The rig's stream, plus what registration writes beside it: a binding per code and the two identity claims.
        public void Rig(RigRegistered registered, IReadOnlyList<object> events, IEventRegistry registry)
        {
            Stream<Rig>(registered.RigId, events, registry);
            Documents.Add(new QrBinding(registered.BaseUnitCode, registered.RigId, null, null, false, registered.At, null));
            foreach (var c in registered.Components)
            {
                Documents.Add(new QrBinding(c.Code, registered.RigId, c.Id, c.Kind, false, registered.At, null));
            }

            var d = registered.Description;
            Documents.Add(new RigIdentityClaim(IdentityKeys.Serial(d.Maker, d.FactorySerial), registered.RigId, registered.OwnerId));
            Documents.Add(new RigIdentityClaim(IdentityKeys.Certificate(d.CertificateNumber), registered.RigId, registered.OwnerId));
        }

        public void Stream<T>(Guid id, IReadOnlyList<object> events, IEventRegistry registry)
        {
            var action = StreamAction.Start(registry, id, [.. events]);
            action.AggregateType = typeof(T);
            // Stored when it happened (every event of the product says when, in At), so "the rig as it was then" works.
            foreach (var e in action.Events)
            {
                e.Timestamp = (DateTimeOffset)((dynamic)e.Data).At;
            }

            Streams.Add(action);
            EventCount += events.Count;
        }
    }
}
