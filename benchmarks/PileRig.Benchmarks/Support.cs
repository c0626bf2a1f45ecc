using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using PileRig.BuildingBlocks.AuditTrail;
using PileRig.Modules.Tests.Fixture;

namespace PileRig.Benchmarks;

/// <summary>How big and how long: the defaults are the (10⁵ then 10⁶ events); --quick is a smoke run of the suite itself.</summary>
public sealed record BenchSettings(string Output, long SmallStore, long LargeStore, int ReadyEntries, int RunSeconds, int CeilingSeconds, int ListSeconds)
{
    public static BenchSettings From(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var output = Value("--output") ?? Path.Combine(HostProcess.RepositoryRoot(), "docs", "benchmarks.md");
        var settings = args.Contains("--quick")
            ? new BenchSettings(output, 60_000, 150_000, 6_000, 3, 2, 1)
            : new BenchSettings(output, 100_000, 1_000_000, 20_000, 8, 5, 3);
        return Value("--events") is { } events ? settings with { LargeStore = long.Parse(events, CultureInfo.InvariantCulture) } : settings;
    }

    public static string Header(DateTimeOffset started, BenchSettings settings, string journal, string repo)
    {
        var text = new StringBuilder();
        text.AppendLine("# Benchmarks").AppendLine();
        text.AppendLine("Written by `scripts/bench` (benchmarks/PileRig.Benchmarks), which sets up its own data: PostgreSQL's ceilings measured with");
        text.AppendLine("pgbench (`benchmarks/pgbench/*.sql`) on the same cluster in the same run, then the host — published as `scripts/run` publishes");
        text.AppendLine("it (Release, ReadyToRun), its own process, production settings — driven through real HTTP by the suite's load generator:");
        text.AppendLine("closed model (fixed clients, each sending when answered) for throughput; open model (fixed arrival rate, latency counted");
        text.AppendLine("from the scheduled start) for latency at half load. Every acknowledgement is journaled. The data generator writes the");
        text.AppendLine("product's own event types through Marten's bulk path (COPY). Figures, not assertions: compare runs on one machine. The");
        text.AppendLine("load generator, the host and PostgreSQL share the machine's cores, as they do for the pgbench ceilings.").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- Date: {started:yyyy-MM-dd HH:mm} UTC (run took {(DateTimeOffset.UtcNow - started).TotalMinutes:F1} min)");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {Environment.ProcessorCount} cores, {Machine.CpuModel()}, {Machine.MemoryGiB()} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Runtime: .NET {Environment.Version}; PostgreSQL {Machine.PostgresVersion()} (the private durable cluster of scripts/bench: fsync on, synchronous_commit on, pg_stat_statements loaded)");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Store: grown to {settings.SmallStore:N0} then {settings.LargeStore:N0} events; runs of {settings.RunSeconds} s, medians of 3 where stated");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Journal of every call: `{Path.GetRelativePath(repo, journal)}` (operation, worker, scheduled start, latency, status)");
        return text.ToString();
    }
}

internal static class Machine
{
    public static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";

    public static long MemoryGiB() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024L * 1024 * 1024);

    public static string PostgresVersion()
    {
        using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("PILERIG_TEST_ADMIN_CONNECTION"));
        connection.Open();
        return connection.PostgreSqlVersion.ToString();
    }
}

internal static class Database
{
    public static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}

/// <summary>The sealer's lag as /health shows it to operations.</summary>
internal static class Health
{
    public static async Task<long> LagAsync(HostProcess host)
    {
        using var client = new HttpClient { BaseAddress = host.Url };
        var health = JsonNode.Parse(await client.GetStringAsync("/health"))!;
        return health["checks"]!["auditSealing"]!["lagEvents"]!.GetValue<long>();
    }

    public static async Task WaitUntilSealedAsync(HostProcess host, TimeSpan within)
    {
        var deadline = Stopwatch.StartNew();
        while (await LagAsync(host) > 0)
        {
            if (deadline.Elapsed > within)
            {
                throw new TimeoutException($"The sealer did not catch up within {within}.");
            }

            await Task.Delay(250);
        }
    }
}

internal static class Lists
{
    /// <summary>Follows a list's cursors 200 rows at a time to about half its rows (at most 40 000): the cursor of a deep page.</summary>
    public static async Task<(string? Cursor, long Depth)> DeepCursorAsync(ApiClient client, string path)
    {
        var wide = path.Replace("pageSize=50", "pageSize=200", StringComparison.Ordinal);
        var first = JsonNode.Parse(await client.GetAsync(wide).Result.Content.ReadAsStringAsync())!;
        var total = first["total"]!.GetValue<long>();
        var target = Math.Min(total / 2, 40_000);
        var cursor = first["nextCursor"]?.GetValue<string>();
        long depth = 200;
        while (cursor is not null && depth < target)
        {
            var page = JsonNode.Parse(await (await client.GetAsync(wide + "&cursor=" + Uri.EscapeDataString(cursor))).Content.ReadAsStringAsync())!;
            cursor = page["nextCursor"]?.GetValue<string>();
            depth += 200;
        }

        return (depth >= 400 ? cursor : null, depth);
    }
}

internal static class TrailSpeed
{
    /// <summary>The product's own verifier over one exported trail, repeated for two seconds: events checked per second.</summary>
    public static (double EventsPerSecond, bool Valid) Verify(string trailJson, string publicKeyPem)
    {
        var trail = TrailRendering.FromJson(trailJson);
        var valid = TrailVerifier.Verify(trail, publicKeyPem).Valid;
        return (EventsPerSecond(() => TrailVerifier.Verify(trail, publicKeyPem), trail.Events.Count), valid);
    }

    /// <summary>The hash chain alone (every event's hash recomputed from its canonical form), without the signature checks.</summary>
    public static double ChainOnly(string trailJson)
    {
        var trail = TrailRendering.FromJson(trailJson);
        var links = trail.Events.Select(e => (e.ToChained(trail.StreamId), (ChainLink?)new ChainLink(e.Version, e.PreviousHash, e.Hash))).ToList();
        return EventsPerSecond(() => EventChain.FindFirstBreak(links), links.Count);
    }

    // A second of warm-up (the JIT's second tier, as a verifier checking many trails runs), then two measured.
    private static double EventsPerSecond(Action check, int eventsPerCheck)
    {
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(1))
        {
            check();
        }

        var clock = Stopwatch.StartNew();
        long events = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(2))
        {
            check();
            events += eventsPerCheck;
        }

        return events / clock.Elapsed.TotalSeconds;
    }
}

/// <summary>A bare ASP.NET Core app (benchmarks/PileRig.BareHost) started the same way, for the cold-start comparison.</summary>
internal static class BareHost
{
    public static async Task<IReadOnlyList<double>> StartTimesAsync(int times)
    {
        var dll = Environment.GetEnvironmentVariable("PILERIG_BARE_DLL") is { Length: > 0 } d
            ? d
            : Path.Combine(HostProcess.RepositoryRoot(), "benchmarks/PileRig.BareHost/bin/Release/net10.0/PileRig.BareHost.dll");
        var starts = new List<double>();
        for (var i = 0; i < times; i++)
        {
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet", [dll]) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            using var probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(2) };
            while (true)
            {
                try
                {
                    if ((await probe.GetAsync("/health")).IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // not listening yet
                }

                await Task.Delay(10);
            }

            starts.Add(clock.Elapsed.TotalMilliseconds);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        return starts;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
