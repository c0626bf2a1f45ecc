using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using PileRig.Modules.Tests.Fixture;

// Each figure: N sequential operations through real HTTP (Kestrel, loopback) against a durable PostgreSQL cluster.
// Latency percentiles are per operation; nothing here is asserted — the figures go to docs/benchmarks.md.
var output = args.Length > 0 ? args[0] : "docs/benchmarks.md";
var host = new PileRigHost();
await host.InitializeAsync();
var results = new List<(string Name, string What, int N, double P50, double P95, double PerSecond)>();

try
{
    var firm = await host.NewFirmAsync();
    var owner = await host.NewOwnerAsync();

    await Measure("login (bearer token)", "PBKDF2 password check + login_succeeded event", 50, async _ =>
    {
        using var client = host.NewClient();
        (await client.LogInAsync(firm.Credentials)).EnsureSuccessStatusCode();
    });

    await Measure("register a rig with 4 components", "rig stream + 5 code bindings + identity claims", 50, async _ =>
    {
        (await owner.Client.PostAsync("/api/v1/rigs", await owner.NewRigAsync())).EnsureSuccessStatusCode();
    });

    var scenarios = new List<SupervisionScenario>();
    for (var i = 0; i <= 30; i++)
    {
        scenarios.Add(await SupervisionScenario.CreateAsync(host, owner: owner));
    }

    await Measure("on-site flow: verify, scan brace, register entry", "3 requests: verification stream, scan, usage_registered", 30, async i =>
    {
        var s = scenarios[i];
        var verification = await s.VerifiedAsync();
        (await SupervisionScenario.RegisterAsync(s.Engineer, verification)).EnsureSuccessStatusCode();
    });

    var rig = await owner.RegisterRigAsync(await owner.NewRigAsync());
    var page = new Uri(rig["baseUnit"]!["url"]!.GetValue<string>()).PathAndQuery;
    await Measure("public QR page (anonymous phone)", "signature check + binding + rig + owner lookup, HTML", 200, async _ =>
    {
        using var phone = host.NewClient();
        (await phone.GetAsync(page)).EnsureSuccessStatusCode();
    });

    var race = await SupervisionScenario.CreateAsync(host, owner: owner);
    var contenders = new List<(ApiClient Client, Guid Verification, Guid Form)>();
    for (var i = 0; i < 20; i++)
    {
        contenders.Add((race.Engineer, await race.VerifiedAsync(), await race.Engineer.UploadPdfAsync()));
    }

    var watch = Stopwatch.StartNew();
    var answers = await Task.WhenAll(contenders.Select(c => SupervisionScenario.RegisterAsync(c.Client, c.Verification, form: c.Form)));
    watch.Stop();
    var winners = answers.Count(a => a.StatusCode == HttpStatusCode.Created);
    results.Add(($"20 simultaneous entries of one rig ({winners} won, {answers.Length - winners} refused 409)", "optimistic concurrency on the rig stream",
        1, watch.Elapsed.TotalMilliseconds, watch.Elapsed.TotalMilliseconds, 20 / watch.Elapsed.TotalSeconds));
}
finally
{
    await host.DisposeAsync();
}

var report = new StringBuilder();
report.AppendLine("# Benchmarks").AppendLine();
report.AppendLine("Written by `scripts/bench` (benchmarks/PileRig.Benchmarks): the real host on Kestrel over loopback HTTP, a fresh database on the");
report.AppendLine("private PostgreSQL 15 cluster of `scripts/run` with its durable defaults (fsync on), Release build, one client at a time");
report.AppendLine("unless stated. Figures, not assertions: compare runs on the same machine.").AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"- Date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
report.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {Environment.ProcessorCount} cores, {Machine.CpuModel()}, {Machine.MemoryGiB()} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
report.AppendLine(CultureInfo.InvariantCulture, $"- Runtime: .NET {Environment.Version}").AppendLine();
report.AppendLine("| operation | what it does | n | p50 ms | p95 ms | per second |").AppendLine("|---|---|---:|---:|---:|---:|");
foreach (var r in results)
{
    report.AppendLine(CultureInfo.InvariantCulture, $"| {r.Name} | {r.What} | {r.N} | {r.P50:F1} | {r.P95:F1} | {r.PerSecond:F1} |");
}

await File.WriteAllTextAsync(output, report.ToString());
Console.WriteLine(report);
return 0;

async Task Measure(string name, string what, int n, Func<int, Task> operation)
{
    await operation(n); // warm-up (its own index n, never measured): JIT, connection pool, Marten's compiled queries
    var timings = new List<double>(n);
    var total = Stopwatch.StartNew();
    for (var i = 0; i < n; i++)
    {
        var one = Stopwatch.StartNew();
        await operation(i);
        timings.Add(one.Elapsed.TotalMilliseconds);
    }

    total.Stop();
    timings.Sort();
    results.Add((name, what, n, timings[n / 2], timings[(int)Math.Ceiling(n * 0.95) - 1], n / total.Elapsed.TotalSeconds));
}

internal static class Machine
{
    public static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";

    public static long MemoryGiB() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024L * 1024 * 1024);
}
