using System.Diagnostics;
using System.Net.Sockets;
using Npgsql;

namespace PileRig.Modules.Tests.Fixture;

/// <summary>
/// The host as production runs it: its own OS process (the built PileRig.Host.dll, started the way scripts/run starts
/// it) on a database of its own, so a test can kill it with SIGKILL mid-request and start it again on the same data.
/// </summary>
public sealed class HostProcess : IAsyncDisposable, IHostUnderTest
{
    private Process? _process;

    private HostProcess(string adminConnection, string database)
    {
        AdminConnection = adminConnection;
        Database = database;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnection) { Database = database }.ConnectionString;
        Url = new Uri($"http://127.0.0.1:{FreePort()}");
    }

    public string AdminConnection { get; }

    public string Database { get; }

    public string ConnectionString { get; }

    public Uri Url { get; }

    public string AdminPassword { get; private init; } = "Adm1n" + Guid.NewGuid().ToString("N")[..10];

    // A second node on the same database leaves the database to the first.
    private bool _ownsDatabase = true;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "pilerig-process", Guid.NewGuid().ToString("N")[..12]);

    /// <summary>The key this host signs QR codes with (the benchmarks sign the codes of the rigs they generate).</summary>
    /// <summary>The audit signing key (PEM) every node of this deployment signs digests and exports with.</summary>
    public string AuditKeyPem { get; private init; } = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256).ExportPkcs8PrivateKeyPem();

    public string QrKey { get; private init; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// Which build of the host runs: the Release build output by default; PILERIG_HOST_DLL names another (the benchmarks
    /// run the ReadyToRun publish of scripts/run, as production does).
    /// </summary>
    public static string HostDll => Environment.GetEnvironmentVariable("PILERIG_HOST_DLL") is { Length: > 0 } dll
        ? dll
        : Path.Combine(RepositoryRoot(), "src/Host/PileRig.Host/bin/Release/net10.0/PileRig.Host.dll");

    /// <summary>More settings (environment variables) for this host, e.g. the benchmarks' rate limits.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>What the host wrote to its console, for a failing test's message.</summary>
    public System.Text.StringBuilder Output { get; } = new();

    public static async Task<HostProcess> StartOnNewDatabaseAsync(Action<HostProcess>? configure = null)
    {
        var admin = Environment.GetEnvironmentVariable("PILERIG_TEST_ADMIN_CONNECTION")
            ?? throw new InvalidOperationException("PILERIG_TEST_ADMIN_CONNECTION is not set: run the tests with scripts/test.");
        var host = new HostProcess(admin, "pilerig_p_" + Guid.NewGuid().ToString("N")[..12]);
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"create database \"{host.Database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        configure?.Invoke(host);
        await host.RunToCompletionAsync("db-apply");
        await host.StartAsync();
        return host;
    }

    /// <summary>
    /// Another node of the same deployment: the same database and configuration (keys, admin), its own port and its own
    /// local folder (nothing shared on disk), started as the first was.
    /// </summary>
    public async Task<HostProcess> StartAnotherNodeAsync()
    {
        var node = new HostProcess(AdminConnection, Database) { QrKey = QrKey, AuditKeyPem = AuditKeyPem, AdminPassword = AdminPassword, _ownsDatabase = false };
        foreach (var (name, value) in Settings)
        {
            node.Settings[name] = value;
        }

        await node.StartAsync();
        return node;
    }

    /// <summary>Runs one of the host's commands (e.g. <c>db-apply</c>, as a deploy does) to its end; returns what it printed.</summary>
    public async Task<string> RunToCompletionAsync(params string[] command)
    {
        using var process = Process.Start(StartInfo(command)) ?? throw new InvalidOperationException("the host did not start");
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{string.Join(' ', command)}` failed ({process.ExitCode}):\n{output}");
        }

        return output;
    }

    /// <summary>Starts the process and waits until it answers /health; returns how long that took (its cold start).</summary>
    public async Task<TimeSpan> StartAsync()
    {
        var started = Stopwatch.StartNew();
        _process = Process.Start(StartInfo([])) ?? throw new InvalidOperationException("the host did not start");

        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("The host exited at start:\n" + Output);
            }

            try
            {
                if ((await probe.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return started.Elapsed;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("The host did not answer /health within 90 s:\n" + Output);
    }

    // The built host, started from its project folder as scripts/run starts it, with this host's settings.
    private ProcessStartInfo StartInfo(string[] arguments)
    {
        var root = RepositoryRoot();
        var start = new ProcessStartInfo("dotnet", [HostDll, .. arguments])
        {
            WorkingDirectory = Path.Combine(root, "src/Host/PileRig.Host"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__PileRig"] = ConnectionString,
            ["ASPNETCORE_URLS"] = Url.ToString().TrimEnd('/'),
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["PileRig__Admin__Username"] = PileRigHost.AdminUsername,
            ["PileRig__Admin__Password"] = AdminPassword,
            ["PileRig__Qr__CurrentKeyId"] = "1",
            ["PileRig__Qr__Keys__1"] = QrKey,
            ["PileRig__Audit__SigningKey"] = AuditKeyPem,
            ["PileRig__Qr__PublicBaseUrl"] = PileRigHost.PublicBaseUrl,
            ["PileRig__Files__Root"] = Path.Combine(Folder, "files"),
            ["PileRig__Security__KeysFolder"] = Path.Combine(Folder, "keys"),
            ["PileRig__Security__LoginAttemptsPerAddressPerMinute"] = "10000",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (name, value) in Settings)
        {
            environment[name] = value;
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, requests cut mid-flight — a power cut, an OOM kill.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private int _nextAddress;

    /// <summary>A client as a separate phone would be (its own loopback address and cookies).</summary>
    public ApiClient NewClient(string? language = null)
    {
        var n = Interlocked.Increment(ref _nextAddress);
        return new ApiClient(Url, new System.Net.IPAddress([127, 10, (byte)(n >> 8 & 255), (byte)(n & 255)]), language);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        if (_ownsDatabase)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(AdminConnection);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop database if exists \"{Database}\" with (force)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (Output)
            {
                Output.AppendLine(line);
            }
        }
    }

    public static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "PileRig.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException("PileRig.sln not found above " + AppContext.BaseDirectory);
        }

        return root.FullName;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
