using System.Diagnostics;

namespace PileRig.Benchmarks.Load;

/// <summary>One call of a run: which worker, when it was meant to start and how long until its answer, and the answer.</summary>
public readonly record struct Acknowledgement(string Operation, int Worker, double IntendedStartMs, double LatencyMs, int Status);

/// <summary>What a run measured: acknowledgements per second and latency percentiles of the accepted ones.</summary>
public sealed record RunResult(string Operation, string Model, int Clients, double Seconds, int Accepted, int Refused, double PerSecond,
    double P50, double P95, double P99)
{
    public static RunResult Of(string operation, string model, int clients, double seconds, IReadOnlyList<Acknowledgement> acks,
        Func<int, bool> accepted)
    {
        var ok = acks.Where(a => accepted(a.Status)).Select(a => a.LatencyMs).Order().ToArray();
        return new RunResult(operation, model, clients, seconds, ok.Length, acks.Count - ok.Length, ok.Length / seconds,
            Percentile(ok, 0.50), Percentile(ok, 0.95), Percentile(ok, 0.99));
    }

    // Nearest rank: the smallest value with at least p of the sample at or below it.
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>
/// The benchmarks' own load generator, in two models:
/// <list type="bullet">
/// <item>closed (fixed concurrency): N workers each send the next call when the last one is answered — the throughput
/// ceiling at N clients;</item>
/// <item>open (fixed arrival rate): calls start on a schedule whether or not earlier ones were answered, and latency is
/// counted from the scheduled start, so a stall shows as the queue behind it (no coordinated omission).</item>
/// </list>
/// Every acknowledgement goes to the journal (CSV) as well as into the figures.
/// </summary>
public sealed class LoadGenerator(Journal journal)
{
    /// <summary>What a call returns when its prepared work ran out: the worker stops, nothing is recorded.</summary>
    public const int Exhausted = -1;

    /// <summary>Status codes a call is counted as accepted with; anything else is counted as refused.</summary>
    public static bool Success(int status) => status is >= 200 and < 300;

    public async Task<RunResult> ClosedAsync(string operation, int clients, TimeSpan duration, Func<int, long, Task<int>> call,
        Func<int, bool>? accepted = null)
    {
        var acks = new List<Acknowledgement>[clients];
        long next = -1;
        var clock = Stopwatch.StartNew();
        var stop = duration.TotalMilliseconds;
        var workers = Enumerable.Range(0, clients).Select(worker => Task.Run(async () =>
        {
            var mine = acks[worker] = [];
            while (clock.Elapsed.TotalMilliseconds < stop)
            {
                var i = Interlocked.Increment(ref next);
                var start = clock.Elapsed.TotalMilliseconds;
                var status = await Invoke(call, worker, i);
                if (status == Exhausted)
                {
                    break;
                }

                mine.Add(new Acknowledgement(operation, worker, start, clock.Elapsed.TotalMilliseconds - start, status));
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        var all = acks.SelectMany(a => a).ToList();
        journal.Write(all);
        return RunResult.Of(operation, "closed", clients, seconds, all, accepted ?? Success);
    }

    public async Task<RunResult> OpenAsync(string operation, double perSecond, TimeSpan duration, Func<long, Task<int>> call,
        Func<int, bool>? accepted = null)
    {
        var total = (long)(perSecond * duration.TotalSeconds);
        var interval = 1000.0 / perSecond;
        var acks = new Acknowledgement[total];
        var calls = new List<Task>((int)total);
        var clock = Stopwatch.StartNew();
        for (long i = 0; i < total; i++)
        {
            var intended = i * interval;
            var wait = intended - clock.Elapsed.TotalMilliseconds;
            if (wait > 1)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(wait));
            }

            var index = i;
            calls.Add(Task.Run(async () =>
            {
                var status = await Invoke((_, _) => call(index), 0, index);
                acks[index] = new Acknowledgement(operation, 0, intended, clock.Elapsed.TotalMilliseconds - intended, status);
            }));
        }

        await Task.WhenAll(calls);
        var seconds = Math.Max(duration.TotalSeconds, clock.Elapsed.TotalSeconds);
        journal.Write(acks);
        return RunResult.Of(operation, "open", 0, seconds, acks, accepted ?? Success) with { Clients = (int)Math.Round(perSecond) };
    }

    // A call that throws (connection reset, timeout) is an acknowledgement too: status 0, never silently dropped.
    private static async Task<int> Invoke(Func<int, long, Task<int>> call, int worker, long i)
    {
        try
        {
            return await call(worker, i);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return 0;
        }
    }
}

/// <summary>Every acknowledgement of every run, one CSV line each, under .data/bench (for a closer look at a run).</summary>
public sealed class Journal : IDisposable
{
    private readonly StreamWriter _writer;

    public Journal(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        Path = path;
        _writer = new StreamWriter(path) { AutoFlush = false };
        _writer.WriteLine("operation,worker,intended_start_ms,latency_ms,status");
    }

    public string Path { get; }

    public void Write(IEnumerable<Acknowledgement> acks)
    {
        lock (_writer)
        {
            foreach (var a in acks)
            {
                _writer.WriteLine(FormattableString.Invariant($"{a.Operation},{a.Worker},{a.IntendedStartMs:F2},{a.LatencyMs:F3},{a.Status}"));
            }

            _writer.Flush();
        }
    }

    public void Dispose() => _writer.Dispose();
}
