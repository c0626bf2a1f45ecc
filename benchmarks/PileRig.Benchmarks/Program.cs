using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using JasperFx;
using Marten;
using Microsoft.Extensions.Options;
using PileRig.Benchmarks;
using PileRig.Benchmarks.Ceilings;
using PileRig.Benchmarks.Data;
using PileRig.Benchmarks.Figures;
using PileRig.Benchmarks.Load;
using PileRig.BuildingBlocks.AuditTrail;
using PileRig.Host.Composition;
using PileRig.Modules.Enterprises;
using PileRig.Modules.EquipmentRegistry;
using PileRig.Modules.EquipmentRegistry.Infrastructure;
using PileRig.Modules.Personnel;
using PileRig.Modules.Projects;
using PileRig.Modules.Tests.Fixture;

// scripts/bench: PostgreSQL's ceilings (pgbench), then the product through real HTTP on the same cluster, in one run.
// Nothing here is asserted; the figures, ratios and targets go to docs/benchmarks.md. See docs/benchmarks.md for what
// each figure is; the code below follows the same order.
var settings = BenchSettings.From(args);
var repo = HostProcess.RepositoryRoot();
var admin = Environment.GetEnvironmentVariable("PILERIG_TEST_ADMIN_CONNECTION")
    ?? throw new InvalidOperationException("PILERIG_TEST_ADMIN_CONNECTION is not set: run scripts/bench.");
var started = DateTimeOffset.UtcNow;
using var journal = new Journal(Path.Combine(repo, ".data", "bench", $"journal-{started:yyyyMMdd-HHmmss}.csv"));
var load = new LoadGenerator(journal);
var report = new Report();
const int Clients = 8;

Console.WriteLine($"PostgreSQL's ceilings (pgbench, {Clients} clients, 3 × {settings.CeilingSeconds} s each)…");
var ceilings = await PgbenchCeilings.MeasureAsync(admin, Path.Combine(repo, "benchmarks", "pgbench"), Clients, TimeSpan.FromSeconds(settings.CeilingSeconds));

Console.WriteLine("Cold start: the host (as scripts/run publishes it) and a bare ASP.NET Core app, 5 starts each…");
var host = await HostProcess.StartOnNewDatabaseAsync(h =>
{
    h.Settings["PileRig__Security__PublicScansPerAddressPerMinute"] = "100000000";
});
var hostStarts = new List<double>();
for (var i = 0; i < 5; i++)
{
    await host.KillAsync();
    hostStarts.Add((await host.StartAsync()).TotalMilliseconds);
}

var bareStarts = await BareHost.StartTimesAsync(5);

await using var store = DocumentStore.For(options =>
{
    PersistenceComposition.ConfigureStore(options, host.ConnectionString, [new PersonnelModule(), new EnterprisesModule(), new ProjectsModule(), new EquipmentRegistryModule()]);
    options.AutoCreateSchemaObjects = AutoCreate.None;
});
var stats = new PgStats(host.ConnectionString);
await stats.EnsureAsync();
var codes = new QrCodes(Options.Create(new QrOptions { CurrentKeyId = "1", Keys = { ["1"] = host.QrKey }, PublicBaseUrl = PileRigHost.PublicBaseUrl }));

try
{
    Console.WriteLine("The people (through the API): 4 rig owners, 8 firms with an engineer on a project each, a regulator…");
    var world = await BenchWorld.CreateAsync(host, store, sites: Clients);
    var grower = new StoreGrower(store, world);
    var rigs20 = await grower.RigsWithEventsAsync(500, 20);
    var rigs200 = await grower.RigsWithEventsAsync(20, 200);
    Console.WriteLine($"Growing the store to {settings.SmallStore:N0} events…");
    await grower.GrowToAsync(settings.SmallStore, Console.WriteLine);
    var ready = await grower.ReadyForEntryAsync(settings.ReadyEntries);
    await Health.WaitUntilSealedAsync(host, TimeSpan.FromMinutes(5));

    // ---- Entry registration ----
    report.Section("Entry registration (使用登记) at 8 clients, and at half that load");
    var pools = world.Sites.Select(s => new ConcurrentQueue<ReadyEntry>(ready.Where(r => r.Site == s))).ToArray();
    async Task<int> Enter(int site)
    {
        if (!pools[site].TryDequeue(out var entry))
        {
            return LoadGenerator.Exhausted;
        }

        using var answer = await entry.Site.Engineer.PostAsync($"/api/v1/verifications/{entry.VerificationId}/usage",
            new { installedHeightMetres = 30m, powerHeadCount = 1, entryInspectionFormFileId = entry.FormFileId });
        return (int)answer.StatusCode;
    }

    var entryRuns = new List<(RunResult Run, DatabaseCounters Work)>();
    IReadOnlyList<TopQuery> entryTop = [];
    for (var run = 0; run < 3; run++)
    {
        await stats.ResetAsync();
        var before = await stats.CountersAsync();
        var result = await load.ClosedAsync("entry", Clients, TimeSpan.FromSeconds(settings.RunSeconds), (worker, _) => Enter(worker));
        var after = await stats.CountersAsync();
        entryRuns.Add((result, new DatabaseCounters(after.Commits - before.Commits, after.Statements - before.Statements)));
        if (run == 1)
        {
            entryTop = await stats.TopAsync(6);
        }

        Console.WriteLine($"  entries: {result.PerSecond:F0}/s, p50 {result.P50:F1} ms, p99 {result.P99:F1} ms, refused {result.Refused}");
    }

    var entry = entryRuns.OrderBy(r => r.Run.PerSecond).ElementAt(1);
    var appendCeiling = ceilings[PgbenchCeilings.Append].TransactionsPerSecond;
    var entryRatio = entry.Run.PerSecond / appendCeiling;
    report.Add("entries per second, 8 clients (median of 3)", Report.F(entry.Run.PerSecond, "F0"), "≥ 25 % of append (aim 40 %)", entryRatio >= 0.25,
        Report.F(appendCeiling, "F0") + " appends/s", Report.Percent(entryRatio));
    var commitsPerEntry = (double)entry.Work.Commits / entry.Run.Accepted;
    var statementsPerEntry = (double)entry.Work.Statements / entry.Run.Accepted;
    report.Add("commits per entry", Report.F(commitsPerEntry, "F2"), "≤ 2", commitsPerEntry <= 2, "1", "");
    report.Add("SQL statements per entry", Report.F(statementsPerEntry, "F1"), "", null, "2", "");
    var half = entry.Run.PerSecond / 2;
    var entryHalf = await load.OpenAsync("entry-half-load", half, TimeSpan.FromSeconds(settings.RunSeconds), i => Enter((int)(i % Clients)));
    report.Add($"entry latency at half load ({Report.F(half, "F0")}/s arriving), p50", Report.F(entryHalf.P50) + " ms", "≤ 5 ms", entryHalf.P50 <= 5);
    report.Add("entry latency at half load, p99", Report.F(entryHalf.P99) + " ms", "≤ 25 ms", entryHalf.P99 <= 25);
    report.Note($"Refused entries: {entryRuns.Sum(r => r.Run.Refused) + entryHalf.Refused} of {entryRuns.Sum(r => r.Run.Accepted + r.Run.Refused) + entryHalf.Accepted + entryHalf.Refused}. "
        + "Each entry is one request (the rig verified and the form uploaded beforehand, as on site). Commits and statements are the database's "
        + "own counters over the run divided by the entries, background work (sealing, outbox) included.");
    report.Note(TopQueries("Where an entry's database time goes (pg_stat_statements, second run)", entryTop, entryRuns[1].Run.Accepted, "entry"));

    // ---- Scan-verify (the public QR page) ----
    report.Section("Scan-verify: a phone scans a rig's QR (public page)");
    var sample = rigs20.Select(r => codes.Sign(r.BaseUnitCode)).ToArray();
    var phones = Enumerable.Range(0, Clients).Select(_ => host.NewClient()).ToArray();
    var scanRuns = new List<RunResult>();
    IReadOnlyList<TopQuery> scanTop = [];
    for (var run = 0; run < 3; run++)
    {
        await stats.ResetAsync();
        scanRuns.Add(await load.ClosedAsync("scan", Clients, TimeSpan.FromSeconds(settings.RunSeconds),
            (worker, i) => Status(phones[worker].GetAsync("/q/" + sample[i % sample.Length]))));
        if (run == 1)
        {
            scanTop = await stats.TopAsync(6);
        }
    }

    var scan = scanRuns.OrderBy(r => r.PerSecond).ElementAt(1);
    var pkCeiling = ceilings[PgbenchCeilings.KeyLookup].TransactionsPerSecond;
    report.Add("scans per second, 8 phones (median of 3)", Report.F(scan.PerSecond, "F0"), "≥ 15 % of key lookups (aim 25 %)",
        scan.PerSecond / pkCeiling >= 0.15, Report.F(pkCeiling, "F0") + " lookups/s", Report.Percent(scan.PerSecond / pkCeiling));
    var scanHalf = await load.OpenAsync("scan-half-load", scan.PerSecond / 2, TimeSpan.FromSeconds(settings.RunSeconds),
        i => Status(phones[i % Clients].GetAsync("/q/" + sample[i % sample.Length])));
    report.Add($"scan latency at half load ({Report.F(scan.PerSecond / 2, "F0")}/s arriving), p99", Report.F(scanHalf.P99) + " ms", "≤ 10 ms", scanHalf.P99 <= 10);
    report.Note(TopQueries("Where a scan's database time goes (pg_stat_statements, second run)", scanTop, scanRuns[1].Accepted, "scan"));

    var attemptsBefore = await Database.CountAsync(host.ConnectionString, "select count(*) from equipment_registry.mt_doc_scanattempt");
    await stats.ResetAsync();
    var forgedBefore = await stats.CountersAsync();
    var forged = await load.ClosedAsync("forged-scan", Clients, TimeSpan.FromSeconds(settings.RunSeconds),
        (worker, i) => Status(phones[worker].GetAsync($"/q/{QrCodes.NewItemCode(QrCodes.BaseUnit)}.1{i % 10_000_000_000:D10}")),
        accepted: status => status is >= 200 and < 500); // the page answers "not issued by the platform": an answer, not a failure
    var recordedWithin = Stopwatch.StartNew();
    var forgedTotal = forged.Accepted + forged.Refused;
    long recorded;
    do
    {
        recorded = await Database.CountAsync(host.ConnectionString, "select count(*) from equipment_registry.mt_doc_scanattempt") - attemptsBefore;
        await Task.Delay(200);
    }
    while (recorded < forgedTotal && recordedWithin.Elapsed < TimeSpan.FromSeconds(60));

    var forgedAfter = await stats.CountersAsync();
    report.Add("forged-code scans per second, 8 phones", Report.F(forged.PerSecond, "F0"), "", null, Report.F(pkCeiling, "F0") + " lookups/s",
        Report.Percent(forged.PerSecond / pkCeiling));
    report.Add("forged scans recorded for the regulator", $"{recorded:N0} of {forgedTotal:N0}", "all, in batches", recorded == forgedTotal);
    report.Add("commits per forged scan (recorded in background batches)", Report.F((double)(forgedAfter.Commits - forgedBefore.Commits) / forgedTotal, "F3"),
        "no write on the request", (double)(forgedAfter.Commits - forgedBefore.Commits) / forgedTotal < 0.2);

    // ---- Reads of a rig's events, at the small store and at 10^6 ----
    var regulators = Enumerable.Range(0, Clients).Select(_ => world.Regulator).ToArray();
    async Task<(RunResult History, RunResult State, RunResult Trail, RunResult Trail200)> ReadsAsync(string label)
    {
        var at = Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture));
        var history = await load.ClosedAsync($"history-{label}", Clients, TimeSpan.FromSeconds(settings.RunSeconds),
            (w, i) => Status(regulators[w].GetAsync($"/api/v1/rigs/{rigs20[(int)(i % rigs20.Count)].RigId}/history")));
        var state = await load.ClosedAsync($"state-at-{label}", Clients, TimeSpan.FromSeconds(settings.RunSeconds),
            (w, i) => Status(regulators[w].GetAsync($"/api/v1/rigs/{rigs20[(int)(i % rigs20.Count)].RigId}/state?at={at}")));
        var trail = await load.ClosedAsync($"trail-{label}", Clients, TimeSpan.FromSeconds(settings.RunSeconds),
            (w, i) => Status(regulators[w].GetAsync($"/api/v1/rigs/{rigs20[(int)(i % rigs20.Count)].RigId}/trail")));
        var trail200 = await load.ClosedAsync($"trail-200-{label}", 1, TimeSpan.FromSeconds(settings.RunSeconds),
            (w, i) => Status(regulators[w].GetAsync($"/api/v1/rigs/{rigs200[(int)(i % rigs200.Count)].RigId}/trail")));
        Console.WriteLine($"  reads at {label}: history {history.PerSecond:F0}/s, state {state.PerSecond:F0}/s, trail {trail.PerSecond:F0}/s, 200-event trail p99 {trail200.P99:F1} ms");
        return (history, state, trail, trail200);
    }

    var small = await ReadsAsync("small");

    Console.WriteLine($"Growing the store to {settings.LargeStore:N0} events…");
    var growth = Stopwatch.StartNew();
    var eventsBefore = grower.EventsWritten;
    await grower.GrowToAsync(settings.LargeStore, Console.WriteLine);
    growth.Stop();
    var grown = grower.EventsWritten - eventsBefore;
    var lagAtEnd = await Health.LagAsync(host);
    var sealing = Stopwatch.StartNew();
    await Health.WaitUntilSealedAsync(host, TimeSpan.FromMinutes(15));
    sealing.Stop();
    var totalEvents = await Database.CountAsync(host.ConnectionString, "select count(*) from events.mt_events");
    var usageRecords = await Database.CountAsync(host.ConnectionString, "select count(*) from equipment_registry.mt_doc_usagerecord");
    var large = await ReadsAsync("large");

    report.Section($"A rig's history, state and trail: at {settings.SmallStore:N0} and at {totalEvents:N0} events");
    var streamCeiling = ceilings[PgbenchCeilings.StreamRead].TransactionsPerSecond;
    foreach (var (name, s, l) in new[]
             {
                 ("history of a 20-event rig, per second", small.History, large.History),
                 ("state at a moment of a 20-event rig, per second", small.State, large.State),
                 ("trail export of a 20-event rig, per second", small.Trail, large.Trail),
             })
    {
        report.Add(name + $" (at {settings.SmallStore:N0})", Report.F(s.PerSecond, "F0"), "≥ 25 % of stream reads", s.PerSecond / streamCeiling >= 0.25,
            Report.F(streamCeiling, "F0") + " reads/s", Report.Percent(s.PerSecond / streamCeiling));
        report.Add(name + $" (at {totalEvents:N0})", Report.F(l.PerSecond, "F0"), "≥ 85 % of the figure above", l.PerSecond >= 0.85 * s.PerSecond,
            Report.F(streamCeiling, "F0") + " reads/s", Report.Percent(l.PerSecond / streamCeiling));
    }

    report.Add($"trail export of a 200-event rig, p99 (at {settings.SmallStore:N0})", Report.F(small.Trail200.P99) + " ms", "≤ 50 ms", small.Trail200.P99 <= 50);
    report.Add($"trail export of a 200-event rig, p99 (at {totalEvents:N0})", Report.F(large.Trail200.P99) + " ms", "≤ 50 ms", large.Trail200.P99 <= 50);

    // ---- Lists and the dashboard at 10^6 events ----
    report.Section($"Lists and the dashboard at {totalEvents:N0} events and {usageRecords:N0} usage records (1 client, 50 rows a page)");
    var engineer = world.Sites[0].Engineer;
    var owner = world.Owners[0].Client;
    foreach (var (name, client, path, deep) in new (string, ApiClient, string, bool)[]
             {
                 ("regulator: usages, newest first", world.Regulator, "/api/v1/oversight/usages?pageSize=50", true),
                 ("regulator: usages in use of one type", world.Regulator, "/api/v1/oversight/usages?status=in_use&type=multi_axis_mixing&pageSize=50", true),
                 ("regulator: rigs", world.Regulator, "/api/v1/oversight/rigs?pageSize=50", true),
                 ("regulator: suspended rigs", world.Regulator, "/api/v1/oversight/rigs?status=suspended&pageSize=50", false),
                 ("regulator: failed scans", world.Regulator, "/api/v1/scan-attempts?pageSize=50", true),
                 ("regulator: suspected clones", world.Regulator, "/api/v1/suspected-clones?pageSize=50", false),
                 ("engineer: the project's usages", engineer, $"/api/v1/projects/{world.Sites[0].ProjectId}/usages?pageSize=50", true),
                 ("owner: own rigs", owner, "/api/v1/rigs?pageSize=50", true),
                 ("regulator: dashboard", world.Regulator, "/api/v1/oversight/dashboard", false),
             })
    {
        var first = await load.ClosedAsync("list " + name, 1, TimeSpan.FromSeconds(settings.ListSeconds), (_, _) => Status(client.GetAsync(path)));
        report.Add(name + ", first page p99", Report.F(first.P99) + " ms", "≤ 50 ms", first.P99 <= 50,
            Report.F(ceilings[PgbenchCeilings.Page].TransactionsPerSecond, "F0") + " pages/s", Report.Percent(first.PerSecond / ceilings[PgbenchCeilings.Page].TransactionsPerSecond));
        if (deep)
        {
            var (cursor, depth) = await Lists.DeepCursorAsync(client, path);
            if (cursor is not null)
            {
                var far = await load.ClosedAsync("deep " + name, 1, TimeSpan.FromSeconds(settings.ListSeconds),
                    (_, _) => Status(client.GetAsync(path + "&cursor=" + Uri.EscapeDataString(cursor))));
                report.Add($"{name}, page after row {depth:N0}, p99", Report.F(far.P99) + " ms", "as fast as the first page", far.P99 <= Math.Max(first.P99 * 1.25, first.P99 + 3));
            }
        }
    }

    // ---- Sealing and verifying ----
    report.Section("The audit trail: sealing and verifying");
    report.Add($"events added by the generator ({grown:N0}), per second", Report.F(grown / growth.Elapsed.TotalSeconds, "F0"), "10⁶ in minutes", growth.Elapsed < TimeSpan.FromMinutes(5));
    report.Add("events not yet sealed when the generator finished (health: auditSealing.lagEvents)", $"{lagAtEnd:N0}", "visible in health", true);
    report.Add("time to seal them, then nothing left", $"{sealing.Elapsed.TotalSeconds:F1} s ({(lagAtEnd / Math.Max(0.001, sealing.Elapsed.TotalSeconds)):N0} events/s)",
        "proportional to new events");
    var trailJson = await (await world.Regulator.GetAsync($"/api/v1/rigs/{rigs200[0].RigId}/trail")).Content.ReadAsStringAsync();
    var (verifiedPerSecond, valid) = TrailSpeed.Verify(trailJson, await (await world.Regulator.GetAsync("/api/v1/audit/public-key")).Content.ReadAsStringAsync());
    var trailDigests = TrailRendering.FromJson(trailJson).Digests.Count;
    report.Add($"verifying a 200-event trail whole (every hash, the seal and {trailDigests} daily digests' signatures), events per second",
        $"{verifiedPerSecond:N0}{(valid ? "" : " (INVALID)")}", "≥ 100 000", verifiedPerSecond >= 100_000 && valid);
    var chainPerSecond = TrailSpeed.ChainOnly(trailJson);
    report.Add("of which the hash chain alone (canonical JSON and SHA-256 per event), events per second", $"{chainPerSecond:N0}", "≥ 100 000",
        chainPerSecond >= 100_000);

    // ---- Rebuilding every snapshot from the events, entries served meanwhile ----
    report.Section($"Rebuilding every snapshot (rigs, verifications, accounts …) from {totalEvents:N0} events while entries are registered");
    foreach (var waiting in await grower.ReadyForEntryAsync(2_500))
    {
        pools[world.Sites.ToList().IndexOf(waiting.Site)].Enqueue(waiting);
    }

    var rebuildClock = Stopwatch.StartNew();
    var rebuild = host.RunToCompletionAsync("rebuild-snapshots");
    var servedDuring = new List<RunResult>();
    while (!rebuild.IsCompleted)
    {
        servedDuring.Add(await load.OpenAsync("entry-during-rebuild", 25, TimeSpan.FromSeconds(2), i => Enter((int)(i % Clients))));
    }

    await rebuild;
    rebuildClock.Stop();
    Console.WriteLine($"  rebuild: {rebuildClock.Elapsed.TotalSeconds:F1} s");
    report.Add("rebuild-snapshots, process start to end", $"{rebuildClock.Elapsed.TotalSeconds:F1} s", "≤ 60 s", rebuildClock.Elapsed.TotalSeconds <= 60);
    report.Add("entries registered meanwhile (25/s arriving)", $"{servedDuring.Sum(r => r.Accepted):N0} accepted, {servedDuring.Sum(r => r.Refused):N0} refused",
        "commands still served", servedDuring.Sum(r => r.Refused) == 0 && servedDuring.Sum(r => r.Accepted) > 0);
    report.Add("entry latency meanwhile, worst p99 of its 2 s windows", Report.F(servedDuring.Select(r => r.P99).DefaultIfEmpty(0).Max()) + " ms", "");

    // ---- Queued phone scans ----
    report.Section("1 000 scans queued on a phone, flushed when the network returns");
    var queued = await grower.StartedVerificationsAsync(250);
    var flush = Stopwatch.StartNew();
    foreach (var (site, verification, components) in queued)
    {
        using var answer = await site.Engineer.PostAsync($"/api/v1/verifications/{verification}/scans/batch",
            new { scanned = components.Select(c => codes.UrlFor(c)).ToArray() });
        answer.EnsureSuccessStatusCode();
    }

    flush.Stop();
    foreach (var (site, verification, components) in queued.Take(50))
    {
        // The same batches again, as a phone resends one whose answer it never saw.
        using var again = await site.Engineer.PostAsync($"/api/v1/verifications/{verification}/scans/batch",
            new { scanned = components.Select(c => codes.UrlFor(c)).ToArray() });
        again.EnsureSuccessStatusCode();
    }

    var scansStored = await Database.CountAsync(host.ConnectionString,
        $"select count(*) from events.mt_events where type = 'equipment_registry.component_scanned' and stream_id = any(array[{string.Join(',', queued.Select(q => $"'{q.VerificationId}'::uuid"))}])");
    report.Add("1 000 queued scans (250 verifications × 4 codes, one batch each) flushed", $"{flush.Elapsed.TotalSeconds:F2} s", "≤ 5 s", flush.Elapsed.TotalSeconds <= 5);
    report.Add("scans stored after resending 50 of the batches", $"{scansStored:N0}", "1 000, no duplicates", scansStored == 1000);

    // ---- Start-up ----
    report.Section("Cold start (process start → first 200 from /health), median of 5");
    var hostMedian = hostStarts.Order().ElementAt(2);
    var bareMedian = bareStarts.Order().ElementAt(2);
    report.Add("PileRig host (Release, ReadyToRun, schema checked not applied)", $"{hostMedian:F0} ms", "≤ 2 × bare", hostMedian <= 2 * bareMedian,
        $"{bareMedian:F0} ms (bare ASP.NET Core app, same build mode)", $"{hostMedian / bareMedian:F1} ×");
    report.Note($"Host starts: {string.Join(", ", hostStarts.Select(s => s.ToString("F0", CultureInfo.InvariantCulture)))} ms; bare app: {string.Join(", ", bareStarts.Select(s => s.ToString("F0", CultureInfo.InvariantCulture)))} ms.");

    report.Section("PostgreSQL's ceilings on this cluster, this run (pgbench, 8 clients, 2 threads, extended protocol, median of 3)");
    foreach (var c in ceilings.Values)
    {
        report.Note($"- `benchmarks/pgbench/{c.Script}`: {c.TransactionsPerSecond:F0} transactions/s (runs: {string.Join(", ", c.Runs.Select(r => r.ToString("F0", CultureInfo.InvariantCulture)))})");
    }
}
finally
{
    if (args.Contains("--keep"))
    {
        // For a closer look at the grown store (EXPLAIN, psql): the database stays, the host stops.
        await host.KillAsync();
        Console.WriteLine($"Kept the database {host.Database} ({host.ConnectionString}).");
    }
    else
    {
        await host.DisposeAsync();
    }
}

var markdown = report.Render(BenchSettings.Header(started, settings, journal.Path, repo));
// The reading of the figures (written by an engineer, below the marker) is kept from the file this run replaces.
const string AnalysisMarker = "<!-- analysis: kept by scripts/bench -->";
var previous = File.Exists(settings.Output) ? await File.ReadAllTextAsync(settings.Output) : "";
if (previous.IndexOf(AnalysisMarker, StringComparison.Ordinal) is var at and >= 0)
{
    markdown = markdown.TrimEnd() + "\n\n" + previous[at..];
}

await File.WriteAllTextAsync(settings.Output, markdown);
Console.WriteLine(markdown);
return 0;

static async Task<int> Status(Task<HttpResponseMessage> call)
{
    using var answer = await call;
    return (int)answer.StatusCode;
}

static string TopQueries(string title, IReadOnlyList<TopQuery> top, int requests, string per)
{
    var text = new System.Text.StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"{title}:").AppendLine();
    text.AppendLine(CultureInfo.InvariantCulture, $"| calls | per {per} | total ms | mean ms | statement |").AppendLine("|---:|---:|---:|---:|---|");
    foreach (var q in top)
    {
        var sql = System.Text.RegularExpressions.Regex.Replace(q.Query, @"\s+", " ");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {q.Calls:N0} | {(double)q.Calls / Math.Max(1, requests):F2} | {q.TotalMs:F0} | {q.MeanMs:F2} | `{(sql.Length > 160 ? sql[..160] + "…" : sql).Replace("|", "\\|")}` |");
    }

    return text.ToString();
}
