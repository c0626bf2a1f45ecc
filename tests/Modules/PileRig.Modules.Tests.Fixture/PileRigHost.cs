using JasperFx.CommandLine;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace PileRig.Modules.Tests.Fixture;

/// <summary>
/// The real host on Kestrel (real sockets, real HTTP) over a fresh PostgreSQL database created for this test run on
/// the cluster scripts/test starts, and dropped afterwards. One per test assembly; tests isolate by creating their own
/// accounts and enterprises, so they run in parallel.
/// </summary>
public sealed class PileRigHost : IAsyncLifetime, IHostUnderTest
{
    public const string AdminUsername = "admin";

    private string _adminConnection = "";
    private WebApplicationFactory<Program>? _factory;
    private int _nextAddress = 1;

    public string AdminPassword { get; init; } = "Adm1n" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>The database this host runs on; a restarted host is given its predecessor's.</summary>
    public string Database { get; init; } = "pilerig_t_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Files and keys; a restarted host is given its predecessor's.</summary>
    public string Folder { get; init; } = Path.Combine(Path.GetTempPath(), "pilerig-tests", Guid.NewGuid().ToString("N")[..12]);

    /// <summary>False for a host that continues on a database a previous host left behind.</summary>
    public bool CreateDatabase { get; init; } = true;

    /// <summary>False to leave the database and files for a host started after this one (a restart).</summary>
    public bool DropOnDispose { get; init; } = true;

    /// <summary>Replaces services after the host's own registrations, e.g. an outbound channel that is down.</summary>
    public Action<IServiceCollection>? ServiceOverrides { get; init; }

    /// <summary>A host to start on this one's database and files once this one is stopped.</summary>
    public PileRigHost Restarted(Action<IServiceCollection>? serviceOverrides = null) => new()
    {
        AdminPassword = AdminPassword, Database = Database, Folder = Folder, CreateDatabase = false, ServiceOverrides = serviceOverrides,
    };

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>As long as a real deployment's base URL, so label tests see realistic symbol sizes.</summary>
    public const string PublicBaseUrl = "https://pilerig.nbjzgl.cn";

    public string ConnectionString { get; private set; } = "";

    public IServiceProvider Services => _factory!.Services;

    public async ValueTask InitializeAsync()
    {
        _adminConnection = Environment.GetEnvironmentVariable("PILERIG_TEST_ADMIN_CONNECTION")
            ?? throw new InvalidOperationException("PILERIG_TEST_ADMIN_CONNECTION is not set: run the tests with scripts/test.");
        if (CreateDatabase)
        {
            await using var connection = new NpgsqlConnection(_adminConnection);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"create database \"{Database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(_adminConnection) { Database = Database, IncludeErrorDetail = true }.ConnectionString;
        // Environment variables, because the host reads its configuration while its builder runs.
        Set("ConnectionStrings__PileRig", ConnectionString);
        Set("PileRig__Admin__Username", AdminUsername);
        Set("PileRig__Admin__Password", AdminPassword);
        Set("PileRig__Files__Root", Path.Combine(Folder, "files"));
        Set("PileRig__Files__MaxMegabytes", "1");
        Set("PileRig__Qr__PublicBaseUrl", PublicBaseUrl);
        Set("PileRig__Qr__CurrentKeyId", "1");
        Set("PileRig__Supervision__HeightCaps__rotary_drilling", "25");
        Set("PileRig__Public__RegulatorHotline", "0574-87001234");
        // The certificate watch runs hourly in production; the tests cannot wait that long.
        Set("PileRig__Notifications__ExpiryScanEvery", "00:00:01");
        Set("PileRig__Qr__Keys__1", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        Set("PileRig__Security__KeysFolder", Path.Combine(Folder, "keys"));
        // Production seals every 2 s; tests read trails right after writing them.
        Set("PileRig__Audit__SealEverySeconds", "0.2");
        Set("Logging__LogLevel__Default", "Warning");
        Set("Logging__LogLevel__Marten", "Error");
        Set("Logging__LogLevel__Wolverine", "Error");
        Set("Logging__LogLevel__JasperFx", "Error");
        // Unhandled exceptions are asserted on as 500 answers; PILERIG_TEST_LOG_ERRORS=1 shows them while investigating.
        Set("Logging__LogLevel__Microsoft.AspNetCore.Diagnostics", "Critical");
        if (Environment.GetEnvironmentVariable("PILERIG_TEST_LOG_ERRORS") == "1")
        {
            Set("Logging__LogLevel__PileRig", "Error");
            Set("Logging__LogLevel__Default", "Error");
        }

        JasperFxEnvironment.AutoStartHost = true;
        _factory = new WebApplicationFactory<Program>();
        if (ServiceOverrides is { } overrides)
        {
            _factory = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(overrides));
        }

        _factory.UseKestrel(0);
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)
            .Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>A new client as a separate device would be: its own cookies and its own loopback address.</summary>
    public ApiClient NewClient(string? language = null)
    {
        var n = Interlocked.Increment(ref _nextAddress);
        var address = new System.Net.IPAddress([127, (byte)((n >> 16) & 255), (byte)((n >> 8) & 255), (byte)(n & 255)]);
        return new ApiClient(BaseAddress, address, language);
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (!DropOnDispose)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnection);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists \"{Database}\" with (force)", connection);
        await drop.ExecuteNonQueryAsync();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private static void Set(string name, string value) => Environment.SetEnvironmentVariable(name, value);
}
