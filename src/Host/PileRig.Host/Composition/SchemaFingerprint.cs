using System.Security.Cryptography;
using System.Text;
using Marten;
using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace PileRig.Host.Composition;

/// <summary>
/// The schema is applied at deploy (<c>db-apply</c>), not by every node at start (ADR 0017). What was applied is
/// remembered as a fingerprint of the DDL this build expects; a starting node compares its own with it — one query, not a
/// schema diff — and refuses to start, saying what to run, when they differ.
/// </summary>
public static class SchemaFingerprint
{
    private const string Table = "pilerig.schema_fingerprint";

    public static void AddSchema(StoreOptions marten)
    {
        var table = new Table(new PostgresqlObjectName("pilerig", "schema_fingerprint", SchemaUtils.IdentifierUsage.General));
        table.AddColumn<int>("id").AsPrimaryKey();
        table.AddColumn("fingerprint", "text").NotNull();
        table.AddColumn("applied_at", "timestamptz").NotNull().DefaultValueByExpression("now()");
        marten.Storage.ExtendedSchemaObjects.Add(table);
    }

    public static string Of(IDocumentStore store) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(store.Storage.ToDatabaseScript())));

    public static async Task RecordAsync(string fingerprint, string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var upsert = new NpgsqlCommand($"""
            insert into {Table} (id, fingerprint) values (1, $1)
            on conflict (id) do update set fingerprint = excluded.fingerprint, applied_at = now()
            """, connection);
        upsert.Parameters.Add(new NpgsqlParameter { Value = fingerprint });
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Registered first on nodes that do not apply the schema themselves: nothing else starts on a database it does not fit.</summary>
    public sealed class Check(IDocumentStore store, IConfiguration configuration) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            string? applied;
            try
            {
                await using var connection = new NpgsqlConnection(configuration.GetConnectionString(PersistenceComposition.ConnectionStringName));
                await connection.OpenAsync(cancellationToken);
                await using var select = new NpgsqlCommand($"select fingerprint from {Table} where id = 1", connection);
                applied = (string?)await select.ExecuteScalarAsync(cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName)
            {
                applied = null;
            }

            if (applied != Of(store))
            {
                throw new InvalidOperationException(applied is null
                    ? "The database has no PileRig schema: apply it first with `dotnet PileRig.Host.dll db-apply` (scripts/run does)."
                    : "The database schema is not the one this build expects: apply it with `dotnet PileRig.Host.dll db-apply` before starting.");
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
