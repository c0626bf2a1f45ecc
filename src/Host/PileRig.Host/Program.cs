using JasperFx;
using PileRig.BuildingBlocks.Modules;
using PileRig.BuildingBlocks.Persistence;
using PileRig.Host.Composition;
using PileRig.Host.Tools;
using PileRig.Modules.Enterprises;
using PileRig.Modules.EquipmentRegistry;
using PileRig.Modules.Personnel;
using PileRig.Modules.Projects;

// The host composes; it owns no business rules. Each module hands over its services, Marten configuration,
// endpoints and message handlers through IModule.
// Offline, no database: `verify-trail trail.json [--public-key key.pem]` checks an exported audit trail (ADR 0012).
if (args is ["verify-trail", ..])
{
    return VerifyTrailCommand.Run(args[1..], Console.Out);
}

IModule[] modules = [new PersonnelModule(), new EnterprisesModule(), new ProjectsModule(), new EquipmentRegistryModule()];

var builder = WebApplication.CreateBuilder(args);
if (args is ["describe", ..])
{
    // describe prints the whole configuration, every source's value included: for it, the configuration is replaced by
    // one source holding the effective values with the secrets shown as "(hidden)".
    var masked = SecretSettings.Masked(builder.Configuration).ToList();
    ((IConfigurationBuilder)builder.Configuration).Sources.Clear();
    builder.Configuration.AddInMemoryCollection(masked);
}

builder.AddPileRig(modules);

var app = builder.Build();
app.UsePileRig(modules);

// `rebuild-snapshots`: every inline snapshot folded again from its events, against the live database, while nodes keep
// serving (ADR 0016).
if (args is ["rebuild-snapshots", ..])
{
    var rebuild = new SnapshotRebuild(app.Services.GetRequiredService<Marten.IDocumentStore>());
    await rebuild.RebuildAsync(rebuild.SnapshotTypes(), Console.WriteLine, CancellationToken.None);
    return 0;
}

// Serving (no command): started directly, so the log is JSON from its first line (JasperFx's command discovery prints a
// plain-text banner).
if (args.Length == 0)
{
    await app.RunAsync();
    return 0;
}

// JasperFx's command line: `run` (default), `db-apply`, `describe`, `codegen`, `projections` …
// After db-apply, what was applied is remembered for the nodes that start on it to check (ADR 0017); the fingerprint is
// taken before the command runs, since the command disposes the host when it is done.
var fingerprint = args is ["db-apply", ..] ? SchemaFingerprint.Of(app.Services.GetRequiredService<Marten.IDocumentStore>()) : null;
var connectionString = app.Configuration.GetConnectionString(PersistenceComposition.ConnectionStringName)!;
var exit = await app.RunJasperFxCommands(args);
if (exit == 0 && fingerprint is not null)
{
    await SchemaFingerprint.RecordAsync(fingerprint, connectionString, CancellationToken.None);
}

return exit;

/// <summary>Entry point; public for the integration tests' WebApplicationFactory.</summary>
public partial class Program;
