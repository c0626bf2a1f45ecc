using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Events;
using Marten;
using Npgsql;
using PileRig.BuildingBlocks.AuditTrail;
using PileRig.BuildingBlocks.Files;
using PileRig.BuildingBlocks.Http;
using PileRig.BuildingBlocks.Modules;
using Weasel.Core;
using PileRig.BuildingBlocks.Persistence;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Marten;

namespace PileRig.Host.Composition;

/// <summary>One Marten store (a schema per module, events in their own schema) and Wolverine with its outbox in the same database.</summary>
public static class PersistenceComposition
{
    public const string ConnectionStringName = "PileRig";
    public const string EventsSchema = "events";

    /// <summary>
    /// The one store: every module's schema, documents, events and projections. Shared with tools that write through
    /// Marten without the host (the benchmarks' data generator), so what they write is what the product writes.
    /// </summary>
    public static void ConfigureStore(StoreOptions options, string connectionString, IReadOnlyList<IModule> modules)
    {
        options.Connection(connectionString);
        options.DatabaseSchemaName = "pilerig";
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString);
        options.Events.DatabaseSchemaName = EventsSchema;
        options.Events.StreamIdentity = StreamIdentity.AsGuid;
        // Who, from where, why: correlation, causation, user name and headers on every event.
        options.Events.MetadataConfig.EnableAll();
        options.Schema.For<UploadedFile>().DatabaseSchemaName("files");
        options.Schema.For<IdempotencyRecord>().DatabaseSchemaName("pilerig").Duplicate(r => r.At);
        options.Schema.For<Security.DataProtectionKey>().DatabaseSchemaName("pilerig");
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        AuditTrailStore.AddSchema(options);
        SchemaFingerprint.AddSchema(options);
        foreach (var module in modules)
        {
            module.ConfigureMarten(options);
        }
    }

    /// <summary>
    /// The configured connection string as the product uses it. A pooled connection is handed back without
    /// <c>DISCARD ALL</c> (the product keeps no session state: no temporary tables, session settings or session-level
    /// locks), which otherwise cost a statement and a commit every time a request borrows one (ADR 0016).
    /// </summary>
    public static string Pooled(string configured) => new NpgsqlConnectionStringBuilder(configured) { NoResetOnClose = true }.ConnectionString;

    /// <summary>
    /// Whether this host applies schema changes as it starts (PileRig:Database:ApplyChangesAtStart; Development and the
    /// tests by default) instead of only checking the fingerprint db-apply recorded (production, ADR 0017).
    /// </summary>
    public static bool AppliesSchemaAtStart(WebApplicationBuilder builder) =>
        builder.Configuration.GetValue("PileRig:Database:ApplyChangesAtStart", builder.Environment.IsDevelopment());

    public static void AddPersistence(this WebApplicationBuilder builder, IReadOnlyList<IModule> modules)
    {
        var connectionString = Pooled(builder.Configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"Connection string '{ConnectionStringName}' is missing: set ConnectionStrings__{ConnectionStringName} (the README's commands do)."));

        var applyAtStart = AppliesSchemaAtStart(builder);
        var marten = builder.Services.AddMarten(options =>
            {
                ConfigureStore(options, connectionString, modules);
                if (!applyAtStart)
                {
                    options.AutoCreateSchemaObjects = AutoCreate.None;
                }
            })
            .UseLightweightSessions()
            .IntegrateWithWolverine(w => w.MessageStorageSchemaName = "wolverine");
        // One session per request for reads and writes alike: a command's reads (its own module's and, through their
        // contracts, other modules') then run on the connection and in the transaction its writes commit in, instead of
        // each borrowing a connection of its own (ADR 0016).
        builder.Services.AddScoped<IQuerySession>(services => services.GetRequiredService<IDocumentSession>());
        if (applyAtStart)
        {
            marten.ApplyAllDatabaseChangesOnStartup();
        }
        else
        {
            // Before every other hosted service: nothing starts on a database this build does not fit.
            builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, SchemaFingerprint.Check>());
        }
        // After Marten, so the schema exists before the first sealing tick (ADR 0012).
        builder.Services.AddAuditTrail(builder.Configuration, connectionString, EventsSchema, requireConfiguredKey: builder.Environment.IsProduction());

        builder.Host.UseWolverine(options =>
        {
            options.ApplicationAssembly = typeof(Program).Assembly;
            // Mediator handlers are also named *Handler: Wolverine gets only the types each module lists.
            options.Discovery.DisableConventionalDiscovery();
            foreach (var handler in modules.SelectMany(m => m.MessageHandlers))
            {
                options.Discovery.IncludeType(handler);
            }

            options.Policies.AutoApplyTransactions();
            options.Policies.UseDurableLocalQueues();
            // Each module's consumer of an event is its own handler on its own queue: one failing or retrying never
            // re-runs another's (the combined handler Wolverine builds by default is going away).
            options.MultipleHandlerBehavior = MultipleHandlerBehavior.Separated;
            // A consumer that lost a race (a stream moved on, a document inserted meanwhile) runs again on fresh state:
            // quickly a few times, then with pauses that survive a restart. Never straight to the dead-letter queue.
            options.OnException(LostRaces.IsLostRace, "lost a race with another writer")
                .RetryWithCooldown(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100),
                    TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500)).WithFullJitter()
                .Then.ScheduleRetry(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2),
                    TimeSpan.FromMinutes(10));
            // ADR 0005 (revised): the handlers' code is generated ahead (codegen write → Internal/Generated, committed) and
            // compiled with the host; nothing is compiled at start. A test fails when the committed code is stale.
            options.CodeGeneration.TypeLoadMode = TypeLoadMode.Static;
            // The schema is the deploy's job (db-apply); starting only checks that the message store exists.
            options.AutoBuildMessageStorageOnStartup = applyAtStart ? AutoCreate.CreateOrUpdate : AutoCreate.None;
            options.Durability.Mode = builder.Configuration.GetValue("PileRig:Wolverine:Balanced", false)
                ? DurabilityMode.Balanced
                : DurabilityMode.Solo;
        });
    }
}
