using System.Text.Json;
using Marten;
using Npgsql;
using NpgsqlTypes;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;
using PileRig.SharedKernel.Values;

namespace PileRig.BuildingBlocks.AuditTrail;

public sealed record AuditTrailOptions(string ConnectionString, string EventsSchema, string SigningKeyPath);

/// <summary>
/// Seals every event stream into a hash chain (audit.chain_links, one row per event, written once) and each closed
/// day's chain heads into a signed digest (audit.daily_digests). Reads the events as stored, by SQL, so what is hashed
/// is exactly what a later tamperer would have to change. See ADR 0012.
/// </summary>
public sealed class AuditTrailStore(AuditTrailOptions options, DigestSigner signer, TimeProvider clock)
{
    public const string Schema = "audit";

    // Any constant: the advisory lock that lets only one node seal at a time.
    private const long SealingLock = 0x5049_4C45_5249_4701;
    private const int BatchSize = 2000;

    public DigestSigner Signer => signer;

    /// <summary>The tables, created and migrated by Marten with the rest of the schema.</summary>
    public static void AddSchema(StoreOptions marten)
    {
        var links = new Table(new PostgresqlObjectName(Schema, "chain_links", SchemaUtils.IdentifierUsage.General));
        links.AddColumn<Guid>("stream_id").AsPrimaryKey();
        links.AddColumn<long>("version").AsPrimaryKey();
        links.AddColumn<long>("seq_id").NotNull();
        links.AddColumn("event_time", "timestamptz").NotNull();
        links.AddColumn("previous_hash", "text").NotNull();
        links.AddColumn("hash", "text").NotNull();
        links.AddColumn("sealed_at", "timestamptz").NotNull().DefaultValueByExpression("now()");
        links.Indexes.Add(new IndexDefinition("ix_chain_links_event_time") { Columns = ["event_time"] });

        var heads = new Table(new PostgresqlObjectName(Schema, "chain_heads", SchemaUtils.IdentifierUsage.General));
        heads.AddColumn<Guid>("stream_id").AsPrimaryKey();
        heads.AddColumn<long>("version").NotNull();
        heads.AddColumn("hash", "text").NotNull();

        var digests = new Table(new PostgresqlObjectName(Schema, "daily_digests", SchemaUtils.IdentifierUsage.General));
        digests.AddColumn("day", "date").AsPrimaryKey();
        digests.AddColumn("sealed_at", "timestamptz").NotNull();
        digests.AddColumn("heads", "jsonb").NotNull();
        digests.AddColumn("root", "text").NotNull();
        digests.AddColumn("key_id", "text").NotNull();
        digests.AddColumn("signature", "text").NotNull();

        marten.Storage.ExtendedSchemaObjects.Add(links);
        marten.Storage.ExtendedSchemaObjects.Add(heads);
        marten.Storage.ExtendedSchemaObjects.Add(digests);
    }

    /// <summary>Links every event not yet chained to its stream's head. Returns how many were sealed.</summary>
    public async Task<int> SealPendingAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var connection = new NpgsqlConnection(options.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var lockCommand = new NpgsqlCommand($"select pg_advisory_xact_lock({SealingLock})", connection, transaction))
            {
                await lockCommand.ExecuteNonQueryAsync(cancellationToken);
            }

            // Streams whose stored version is ahead of their sealed head; mt_streams.version moves in the same
            // transaction as the events, so no event can be skipped, whatever order transactions commit in.
            var pending = new List<(ChainedEvent Event, string? HeadHash)>();
            await using (var select = new NpgsqlCommand($"""
                select e.stream_id, e.version, e.seq_id, e.id, e.type, e.timestamp, e.correlation_id,
                       e.causation_id, e.headers::text, e.data::text, h.hash
                  from {options.EventsSchema}.mt_streams s
                  left join {Schema}.chain_heads h on h.stream_id = s.id
                  join {options.EventsSchema}.mt_events e on e.stream_id = s.id and e.version > coalesce(h.version, 0)
                 where s.version > coalesce(h.version, 0)
                 order by e.stream_id, e.version
                 limit {BatchSize}
                """, connection, transaction))
            await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    pending.Add((ReadEvent(reader), reader.IsDBNull(10) ? null : reader.GetString(10)));
                }
            }

            if (pending.Count == 0)
            {
                return total;
            }

            var batch = new NpgsqlBatch(connection, transaction);
            foreach (var stream in pending.GroupBy(p => p.Event.StreamId))
            {
                var previous = stream.First().HeadHash ?? EventChain.Genesis;
                ChainedEvent? last = null;
                foreach (var (e, _) in stream)
                {
                    var hash = EventChain.Hash(previous, e);
                    var insert = new NpgsqlBatchCommand($"""
                        insert into {Schema}.chain_links (stream_id, version, seq_id, event_time, previous_hash, hash)
                        values ($1, $2, $3, $4, $5, $6)
                        """);
                    insert.Parameters.Add(new NpgsqlParameter { Value = e.StreamId });
                    insert.Parameters.Add(new NpgsqlParameter { Value = e.Version });
                    insert.Parameters.Add(new NpgsqlParameter { Value = e.Sequence });
                    insert.Parameters.Add(new NpgsqlParameter { Value = DateTimeOffset.Parse(e.Timestamp, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
                    insert.Parameters.Add(new NpgsqlParameter { Value = previous });
                    insert.Parameters.Add(new NpgsqlParameter { Value = hash });
                    batch.BatchCommands.Add(insert);
                    previous = hash;
                    last = e;
                }

                var head = new NpgsqlBatchCommand($"""
                    insert into {Schema}.chain_heads (stream_id, version, hash) values ($1, $2, $3)
                    on conflict (stream_id) do update set version = excluded.version, hash = excluded.hash
                    """);
                head.Parameters.Add(new NpgsqlParameter { Value = last!.StreamId });
                head.Parameters.Add(new NpgsqlParameter { Value = last.Version });
                head.Parameters.Add(new NpgsqlParameter { Value = previous });
                batch.BatchCommands.Add(head);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            total += pending.Count;
            if (pending.Count < BatchSize)
            {
                return total;
            }
        }
    }

    /// <summary>The stream's events as stored now, each with the link recorded when it was sealed (null if never).</summary>
    public async Task<IReadOnlyList<(ChainedEvent Event, ChainLink? Recorded)>> ReadChainAsync(Guid streamId, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var select = new NpgsqlCommand($"""
            select e.stream_id, e.version, e.seq_id, e.id, e.type, e.timestamp, e.correlation_id,
                   e.causation_id, e.headers::text, e.data::text, l.previous_hash, l.hash
              from {options.EventsSchema}.mt_events e
              left join {Schema}.chain_links l on l.stream_id = e.stream_id and l.version = e.version
             where e.stream_id = $1
             order by e.version
            """, connection);
        select.Parameters.Add(new NpgsqlParameter { Value = streamId });
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var chain = new List<(ChainedEvent, ChainLink?)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var e = ReadEvent(reader);
            chain.Add((e, reader.IsDBNull(11) ? null : new ChainLink(e.Version, reader.GetString(10), reader.GetString(11))));
        }

        return chain;
    }

    /// <summary>Seals what is pending, then recomputes the stream's chain from the stored events.</summary>
    public async Task<ChainBreak?> VerifyStoredAsync(Guid streamId, CancellationToken cancellationToken)
    {
        await SealPendingAsync(cancellationToken);
        return EventChain.FindFirstBreak(await ReadChainAsync(streamId, cancellationToken));
    }

    /// <summary>The stream's trail with its hashes, the digests naming it and a seal signed now.</summary>
    public async Task<TrailDocument> ExportAsync(Guid streamId, string subject, CancellationToken cancellationToken)
    {
        await SealPendingAsync(cancellationToken);
        var chain = await ReadChainAsync(streamId, cancellationToken);
        var events = chain.Select(c => new TrailEvent(c.Event.Version, c.Event.Sequence, c.Event.EventId, c.Event.Type,
            c.Event.Timestamp, c.Event.CorrelationId, c.Event.CausationId, c.Event.Headers, c.Event.Data,
            c.Recorded?.PreviousHash ?? "", c.Recorded?.Hash ?? "")).ToList();
        var now = clock.GetUtcNow();
        var headHash = events.Count == 0 ? EventChain.Genesis : events[^1].Hash;
        var version = events.Count == 0 ? 0 : events[^1].Version;
        var seal = new TrailSeal(streamId, version, headHash, now, signer.KeyId,
            signer.Sign(TrailSeal.SignedText(streamId, version, headHash, now)));
        return new TrailDocument(TrailDocument.CurrentFormat, streamId, subject, now, events,
            await DigestsNamingAsync(streamId, cancellationToken), seal, signer.PublicKeyPem);
    }

    /// <summary>Seals the digest of <paramref name="day"/> (China time) if it has none yet; the caller decides the day is over.</summary>
    public async Task<SignedDigest> SealDayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await SealPendingAsync(cancellationToken);
        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var existing = await ReadDigestsAsync(connection, "where day = $1", day, cancellationToken);
        if (existing.Count > 0)
        {
            return existing[0];
        }

        var from = ChinaTime.StartOf(day);
        var heads = new List<DigestHead>();
        await using (var select = new NpgsqlCommand($"""
            select distinct on (stream_id) stream_id, version, hash from {Schema}.chain_links
             where event_time >= $1 and event_time < $2 order by stream_id, version desc
            """, connection))
        {
            select.Parameters.Add(new NpgsqlParameter { Value = from.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            select.Parameters.Add(new NpgsqlParameter { Value = from.AddDays(1).UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                heads.Add(new DigestHead(reader.GetGuid(0), reader.GetInt64(1), reader.GetString(2)));
            }
        }

        var root = SignedDigest.RootOf(day, heads);
        var digest = new SignedDigest(day, clock.GetUtcNow(), heads.OrderBy(h => h.StreamId).ToList(), root, signer.KeyId,
            signer.Sign(SignedDigest.SignedText(day, root)));
        await using (var insert = new NpgsqlCommand($"""
            insert into {Schema}.daily_digests (day, sealed_at, heads, root, key_id, signature) values ($1, $2, $3, $4, $5, $6)
            on conflict (day) do nothing
            """, connection))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = day });
            insert.Parameters.Add(new NpgsqlParameter { Value = digest.SealedAt.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            insert.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(digest.Heads), NpgsqlDbType = NpgsqlDbType.Jsonb });
            insert.Parameters.Add(new NpgsqlParameter { Value = digest.Root });
            insert.Parameters.Add(new NpgsqlParameter { Value = digest.KeyId });
            insert.Parameters.Add(new NpgsqlParameter { Value = digest.Signature });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        return (await ReadDigestsAsync(connection, "where day = $1", day, cancellationToken))[0];
    }

    /// <summary>Seals every day that is over (plus a grace period for late commits) and has no digest yet.</summary>
    public async Task SealClosedDaysAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        DateOnly? next;
        await using (var connection = new NpgsqlConnection(options.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var select = new NpgsqlCommand($"""
                select coalesce((select max(day) + 1 from {Schema}.daily_digests),
                                (select min((event_time at time zone 'UTC' + interval '8 hours')::date) from {Schema}.chain_links))
                """, connection);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            next = await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(0) ? reader.GetFieldValue<DateOnly>(0) : null;
        }

        while (next is { } day && ChinaTime.StartOf(day.AddDays(1)) + grace <= clock.GetUtcNow())
        {
            await SealDayAsync(day, cancellationToken);
            next = day.AddDays(1);
        }
    }

    public async Task<SignedDigest?> FindDigestAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var found = await ReadDigestsAsync(connection, "where day = $1", day, cancellationToken);
        return found.Count > 0 ? found[0] : null;
    }

    private async Task<IReadOnlyList<SignedDigest>> DigestsNamingAsync(Guid streamId, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return await ReadDigestsAsync(connection, "where heads @> jsonb_build_array(jsonb_build_object('StreamId', $1::text)) order by day",
            streamId.ToString("D"), cancellationToken);
    }

    private static async Task<IReadOnlyList<SignedDigest>> ReadDigestsAsync(NpgsqlConnection connection, string where, object parameter,
        CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand(
            $"select day, sealed_at, heads::text, root, key_id, signature from {Schema}.daily_digests {where}", connection);
        select.Parameters.Add(new NpgsqlParameter { Value = parameter });
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var digests = new List<SignedDigest>();
        while (await reader.ReadAsync(cancellationToken))
        {
            digests.Add(new SignedDigest(
                reader.GetFieldValue<DateOnly>(0),
                new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero),
                JsonSerializer.Deserialize<List<DigestHead>>(reader.GetString(2))!,
                reader.GetString(3), reader.GetString(4), reader.GetString(5)));
        }

        return digests;
    }

    private static ChainedEvent ReadEvent(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetInt64(1),
        reader.GetInt64(2),
        reader.GetGuid(3),
        reader.GetString(4),
        EventChain.TimestampText(new DateTimeOffset(reader.GetDateTime(5), TimeSpan.Zero)),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        reader.IsDBNull(7) ? null : reader.GetString(7),
        reader.IsDBNull(8) ? null : ParseElement(reader.GetString(8)),
        ParseElement(reader.GetString(9)));

    private static JsonElement ParseElement(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
