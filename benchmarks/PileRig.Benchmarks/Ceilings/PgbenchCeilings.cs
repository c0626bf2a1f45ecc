using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace PileRig.Benchmarks.Ceilings;

/// <summary>PostgreSQL's throughput for one kind of work, at the benchmarks' client count, median of three runs.</summary>
public sealed record Ceiling(string Name, string Script, double TransactionsPerSecond, IReadOnlyList<double> Runs);

/// <summary>
/// Runs pgbench on the same cluster, in the same run, as the product's figures, with the scripts in benchmarks/pgbench
/// on tables shaped like Marten's: what PostgreSQL itself manages here for an append, a key lookup, a 20-event stream
/// read and a 50-row page. The product's figure divided by this is the ratio the targets are set in.
/// </summary>
public static partial class PgbenchCeilings
{
    public const string Append = "append";
    public const string KeyLookup = "pk";
    public const string StreamRead = "stream";
    public const string Page = "page";

    public static async Task<IReadOnlyDictionary<string, Ceiling>> MeasureAsync(string adminConnection, string scriptsFolder, int clients,
        TimeSpan each)
    {
        var builder = new NpgsqlConnectionStringBuilder(adminConnection) { Database = "pilerig_ceiling" };
        await using (var admin = new NpgsqlConnection(adminConnection))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand("drop database if exists pilerig_ceiling with (force)", admin);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand("create database pilerig_ceiling", admin);
            await create.ExecuteNonQueryAsync();
        }

        // psql, not Npgsql: the script ends with VACUUM, which cannot run inside the one batch Npgsql would send.
        await RunToolAsync("psql", ["-q", "-v", "ON_ERROR_STOP=1", "-f", Path.Combine(scriptsFolder, "setup.sql"), .. Connection(builder)]);

        var ceilings = new Dictionary<string, Ceiling>();
        foreach (var (name, script) in new[]
                 {
                     (Append, "append.sql"), (KeyLookup, "pk.sql"), (StreamRead, "stream.sql"), (Page, "page.sql"),
                 })
        {
            var runs = new List<double>();
            for (var run = 0; run < 3; run++)
            {
                runs.Add(await RunAsync(builder, Path.Combine(scriptsFolder, script), clients, each));
            }

            ceilings[name] = new Ceiling(name, script, runs.Order().ElementAt(1), runs);
            Console.WriteLine(FormattableString.Invariant($"  ceiling {name}: {ceilings[name].TransactionsPerSecond:F0} tx/s (runs {string.Join(", ", runs.Select(r => r.ToString("F0", CultureInfo.InvariantCulture)))})"));
        }

        return ceilings;
    }

    private static async Task<double> RunAsync(NpgsqlConnectionStringBuilder connection, string script, int clients, TimeSpan duration)
    {
        var output = await RunToolAsync("pgbench",
        [
            "-n", "-M", "extended", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2",
            "-T", ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture), "-f", script, .. Connection(connection),
        ]);
        var tps = Tps().Match(output);
        return tps.Success
            ? double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"pgbench {Path.GetFileName(script)} printed no tps:\n{output}");
    }

    private static string[] Connection(NpgsqlConnectionStringBuilder c) =>
        ["-h", c.Host!, "-p", c.Port.ToString(CultureInfo.InvariantCulture), "-U", c.Username!, c.Database!];

    // PostgreSQL's own client tools, from the binaries scripts/bench uses for the cluster.
    private static async Task<string> RunToolAsync(string tool, string[] arguments)
    {
        var path = Path.Combine(Environment.GetEnvironmentVariable("PILERIG_PG_BIN") ?? "/usr/lib/postgresql/15/bin", tool);
        var start = new ProcessStartInfo(path, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = await stdout + await stderr;
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{tool} failed ({process.ExitCode}):\n{output}");
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();
}
