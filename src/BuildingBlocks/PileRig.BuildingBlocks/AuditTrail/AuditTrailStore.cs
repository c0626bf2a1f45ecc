using System.Globalization;
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
        // The order events were sealed in, and the one chain through all of them in that order.
        links.AddColumn<long>("position");
        links.AddColumn("global_hash", "text");
        links.Indexes.Add(new IndexDefinition("ix_chain_links_event_time") { Columns = ["event_time"] });
        links.Indexes.Add(new IndexDefinition("ix_chain_links_seq_id") { Columns = ["seq_id"], IsUnique = true });

        var heads = new Table(new PostgresqlObjectName(Schema, "chain_heads", SchemaUtils.IdentifierUsage.General));
        heads.AddColumn<Guid>("stream_id").AsPrimaryKey();
        heads.AddColumn<long>("version").NotNull();
        heads.AddColumn("hash", "text").NotNull();

        // One row: how far the sealer got (every event up to sealed_through is sealed or waiting in pending_gaps).
        var state = new Table(new PostgresqlObjectName(Schema, "seal_state", SchemaUtils.IdentifierUsage.General));
        state.AddColumn<int>("id").AsPrimaryKey();
        state.AddColumn<long>("sealed_through").NotNull();
        state.AddColumn<long>("position").NotNull();
        state.AddColumn("global_hash", "text").NotNull();
        state.AddColumn("updated_at", "timestamptz").NotNull().DefaultValueByExpression("now()");

        // Sequence numbers passed over while their transaction had not committed (most never will: a rolled-back
        // transaction draws numbers too). An event that commits later under one of them is sealed from here.
        var gaps = new Table(new PostgresqlObjectName(Schema, "pending_gaps", SchemaUtils.IdentifierUsage.General));
        gaps.AddColumn<long>("seq_id").AsPrimaryKey();
        gaps.AddColumn("skipped_at", "timestamptz").NotNull().DefaultValueByExpression("now()");

        var digests = new Table(new PostgresqlObjectName(Schema, "daily_digests", SchemaUtils.IdentifierUsage.General));
        digests.AddColumn("day", "date").AsPrimaryKey();
        digests.AddColumn("sealed_at", "timestamptz").NotNull();
        digests.AddColumn("heads", "jsonb").NotNull();
        digests.AddColumn("root", "text").NotNull();
        digests.AddColumn("key_id", "text").NotNull();
        digests.AddColumn("signature", "text").NotNull();
        // Digests sealed before the Merkle format keep theirs (ADR 0012, revised).
        digests.AddColumn("format", "text").NotNull().DefaultValueByExpression($"'{SignedDigest.FlatFormat}'");

        // Which digests name a stream, by key: a trail export finds its digests without reading every digest's heads.
        var named = new Table(new PostgresqlObjectName(Schema, "digest_streams", SchemaUtils.IdentifierUsage.General));
        named.AddColumn<Guid>("stream_id").AsPrimaryKey();
        named.AddColumn("day", "date").AsPrimaryKey();
        // Format 2: the stream's head that day and its path to the digest's Merkle root (steps separated by spaces).
        named.AddColumn<long>("version");
        named.AddColumn("hash", "text");
        named.AddColumn("proof", "text");

        marten.Storage.ExtendedSchemaObjects.Add(links);
        marten.Storage.ExtendedSchemaObjects.Add(heads);
        marten.Storage.ExtendedSchemaObjects.Add(state);
        marten.Storage.ExtendedSchemaObjects.Add(gaps);
        marten.Storage.ExtendedSchemaObjects.Add(digests);
        marten.Storage.ExtendedSchemaObjects.Add(named);
    }

    /// <summary>
    /// Links the events stored since the last call to their streams' heads, in the order of their global sequence
    /// number, starting where the last call stopped: its cost is the new events', not the store's. One node at a time
    /// (a transaction-scoped advisory lock; the others skip the tick). A sequence number whose transaction has not
    /// committed stops the sealer for <see cref="GapGrace"/>, then is passed over and remembered, so a slow commit is
    /// sealed when it lands and a rolled-back one is forgotten after a day. Returns how many events were sealed.
    /// </summary>
    public async Task<int> SealPendingAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var connection = new NpgsqlConnection(options.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (!await ScalarAsync<bool>(connection, transaction, $"select pg_try_advisory_xact_lock({SealingLock})", cancellationToken))
            {
                return total; // another node is sealing
            }

            var state = await ReadStateAsync(connection, transaction, cancellationToken);
            var late = await ReadEventsAsync(connection, transaction, $"""
                {SelectEvents} join {Schema}.pending_gaps g on g.seq_id = e.seq_id order by e.seq_id
                """, [], cancellationToken);
            var fresh = await ReadEventsAsync(connection, transaction, $"""
                {SelectEvents} where e.seq_id > $1 order by e.seq_id limit {BatchSize}
                """, [state.SealedThrough], cancellationToken);
            var now = await ScalarAsync<DateTime>(connection, transaction, "select now()", cancellationToken);

            // The contiguous run after sealed_through; a gap younger than the grace period ends it.
            var take = new List<ChainedEvent>(late);
            var skipped = new List<long>();
            var through = state.SealedThrough;
            foreach (var e in fresh)
            {
                if (e.Sequence != through + 1)
                {
                    var waited = now - DateTimeOffset.Parse(e.Timestamp, CultureInfo.InvariantCulture).UtcDateTime;
                    if (waited < GapGrace)
                    {
                        break;
                    }

                    for (var missing = through + 1; missing < e.Sequence; missing++)
                    {
                        skipped.Add(missing);
                    }
                }

                take.Add(e);
                through = e.Sequence;
            }

            if (take.Count == 0 && skipped.Count == 0)
            {
                await ForgetOldGapsAsync(connection, transaction, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return total;
            }

            var sealedCount = await LinkAsync(connection, transaction, take, state, through, cancellationToken);
            await RememberGapsAsync(connection, transaction, skipped, late, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            total += sealedCount;
            if (fresh.Count < BatchSize)
            {
                return total;
            }
        }
    }

    /// <summary>How long a sequence number may stay unfilled (its transaction still open) before the sealer moves past it.</summary>
    public static readonly TimeSpan GapGrace = TimeSpan.FromSeconds(5);

    private const string SelectEvents = """
        select e.stream_id, e.version, e.seq_id, e.id, e.type, e.timestamp, e.correlation_id, e.causation_id, e.headers::text, e.data::text
          from events.mt_events e
        """;

    private sealed record SealState(long SealedThrough, long Position, string GlobalHash);

    private async Task<SealState> ReadStateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        if (await TryReadStateAsync(connection, transaction, cancellationToken) is { } state)
        {
            return state;
        }

        // Once per store: the first run on a store sealed by an earlier release starts after what that release sealed.
        // (Never on a tick: counting the links costs a scan of them all.)
        await using (var init = new NpgsqlCommand($"""
            insert into {Schema}.seal_state (id, sealed_through, position, global_hash)
            select 1, coalesce(max(seq_id), 0), count(*), '{EventChain.Genesis}' from {Schema}.chain_links
            on conflict (id) do nothing
            """, connection, transaction))
        {
            await init.ExecuteNonQueryAsync(cancellationToken);
        }

        return (await TryReadStateAsync(connection, transaction, cancellationToken))!;
    }

    private static async Task<SealState?> TryReadStateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand($"select sealed_through, position, global_hash from {Schema}.seal_state where id = 1", connection, transaction);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new SealState(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2)) : null;
    }

    private async Task<List<ChainedEvent>> ReadEventsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, object[] parameters,
        CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand(sql.Replace("events.mt_events", $"{options.EventsSchema}.mt_events", StringComparison.Ordinal),
            connection, transaction);
        foreach (var parameter in parameters)
        {
            select.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var events = new List<ChainedEvent>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(ReadEvent(reader));
        }

        return events;
    }

    // Hashes each event onto its stream's head and onto the global chain, writes the links, heads and state.
    private async Task<int> LinkAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<ChainedEvent> events, SealState state,
        long through, CancellationToken cancellationToken)
    {
        var streamIds = events.Select(e => e.StreamId).Distinct().ToArray();
        var heads = new Dictionary<Guid, (long Version, string Hash)>();
        await using (var select = new NpgsqlCommand($"select stream_id, version, hash from {Schema}.chain_heads where stream_id = any($1)", connection, transaction))
        {
            select.Parameters.Add(new NpgsqlParameter { Value = streamIds });
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                heads[reader.GetGuid(0)] = (reader.GetInt64(1), reader.GetString(2));
            }
        }

        var batch = new NpgsqlBatch(connection, transaction);
        var position = state.Position;
        var global = state.GlobalHash;
        var sealedCount = 0;
        foreach (var e in events)
        {
            var (headVersion, headHash) = heads.TryGetValue(e.StreamId, out var head) ? head : (0, EventChain.Genesis);
            if (e.Version != headVersion + 1)
            {
                continue; // not its stream's next event: left unsealed, and the server's check names it
            }

            var hash = EventChain.Hash(headHash, e);
            position++;
            global = EventChain.GlobalHash(position, global, hash);
            var insert = new NpgsqlBatchCommand($"""
                insert into {Schema}.chain_links (stream_id, version, seq_id, event_time, previous_hash, hash, position, global_hash)
                values ($1, $2, $3, $4, $5, $6, $7, $8)
                """);
            insert.Parameters.Add(new NpgsqlParameter { Value = e.StreamId });
            insert.Parameters.Add(new NpgsqlParameter { Value = e.Version });
            insert.Parameters.Add(new NpgsqlParameter { Value = e.Sequence });
            insert.Parameters.Add(new NpgsqlParameter { Value = DateTimeOffset.Parse(e.Timestamp, CultureInfo.InvariantCulture).UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            insert.Parameters.Add(new NpgsqlParameter { Value = headHash });
            insert.Parameters.Add(new NpgsqlParameter { Value = hash });
            insert.Parameters.Add(new NpgsqlParameter { Value = position });
            insert.Parameters.Add(new NpgsqlParameter { Value = global });
            batch.BatchCommands.Add(insert);
            heads[e.StreamId] = (e.Version, hash);
            sealedCount++;
        }

        foreach (var streamId in events.Select(e => e.StreamId).Distinct())
        {
            if (!heads.TryGetValue(streamId, out var head) || head.Version == 0)
            {
                continue;
            }

            var upsert = new NpgsqlBatchCommand($"""
                insert into {Schema}.chain_heads (stream_id, version, hash) values ($1, $2, $3)
                on conflict (stream_id) do update set version = excluded.version, hash = excluded.hash
                """);
            upsert.Parameters.Add(new NpgsqlParameter { Value = streamId });
            upsert.Parameters.Add(new NpgsqlParameter { Value = head.Version });
            upsert.Parameters.Add(new NpgsqlParameter { Value = head.Hash });
            batch.BatchCommands.Add(upsert);
        }

        var update = new NpgsqlBatchCommand($"""
            update {Schema}.seal_state set sealed_through = greatest(sealed_through, $1), position = $2, global_hash = $3, updated_at = now() where id = 1
            """);
        update.Parameters.Add(new NpgsqlParameter { Value = through });
        update.Parameters.Add(new NpgsqlParameter { Value = position });
        update.Parameters.Add(new NpgsqlParameter { Value = global });
        batch.BatchCommands.Add(update);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return sealedCount;
    }

    private static async Task RememberGapsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<long> skipped, List<ChainedEvent> filled,
        CancellationToken cancellationToken)
    {
        if (skipped.Count > 0)
        {
            await using var insert = new NpgsqlCommand($"insert into {Schema}.pending_gaps (seq_id) select unnest($1::bigint[]) on conflict do nothing",
                connection, transaction);
            insert.Parameters.Add(new NpgsqlParameter { Value = skipped.ToArray() });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        if (filled.Count > 0)
        {
            await using var delete = new NpgsqlCommand($"delete from {Schema}.pending_gaps where seq_id = any($1)", connection, transaction);
            delete.Parameters.Add(new NpgsqlParameter { Value = filled.Select(e => e.Sequence).ToArray() });
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // A transaction does not stay open for a day: a number still missing then was rolled back, not delayed.
    private static async Task ForgetOldGapsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var delete = new NpgsqlCommand($"delete from {Schema}.pending_gaps where skipped_at < now() - interval '1 day'", connection, transaction);
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Events stored but not sealed yet: how far the sealer is behind (for health and the benchmarks).</summary>
    public async Task<long> LagAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return await ScalarAsync<long>(connection, null, $"""
            select greatest(0, coalesce((select max(seq_id) from {options.EventsSchema}.mt_events), 0)
                             - coalesce((select sealed_through from {Schema}.seal_state where id = 1), 0))
            """, cancellationToken);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The stream's events as stored now, each with the link recorded when it was sealed (null if never).</summary>
    public async Task<IReadOnlyList<(ChainedEvent Event, ChainLink? Recorded)>> ReadChainAsync(Guid streamId, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return await ReadChainAsync(connection, streamId, cancellationToken);
    }

    private async Task<IReadOnlyList<(ChainedEvent Event, ChainLink? Recorded)>> ReadChainAsync(NpgsqlConnection connection, Guid streamId,
        CancellationToken cancellationToken)
    {
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

    /// <summary>
    /// The stream's trail as sealed: its events with their hashes, the digests naming it and a seal signed now. Events
    /// the sealer has not reached yet (stored in the last seconds) are counted, not included; an event it passed
    /// without sealing is included, and the verifier names it. The request never seals (ADR 0012).
    /// </summary>
    public async Task<TrailDocument> ExportAsync(Guid streamId, string subject, CancellationToken cancellationToken)
    {
        // One connection for the three reads. The high-water mark is read first: an event sealed after it is left out
        // this time, never included unsealed.
        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var sealedThrough = await ScalarAsync<long>(connection, null,
            $"select coalesce((select sealed_through from {Schema}.seal_state where id = 1), 0)", cancellationToken);
        var stored = await ReadChainAsync(connection, streamId, cancellationToken);
        var missing = await MissingSealedVersionsAsync(connection, streamId, cancellationToken);

        var chain = stored.Where(c => c.Recorded is not null || c.Event.Sequence <= sealedThrough).ToList();
        var events = chain.Select(c => new TrailEvent(c.Event.Version, c.Event.Sequence, c.Event.EventId, c.Event.Type,
            c.Event.Timestamp, c.Event.CorrelationId, c.Event.CausationId, c.Event.Headers, c.Event.Data,
            c.Recorded?.PreviousHash ?? "", c.Recorded?.Hash ?? "")).ToList();
        var now = clock.GetUtcNow();
        var headHash = events.Count == 0 ? EventChain.Genesis : events[^1].Hash;
        var version = events.Count == 0 ? 0 : events[^1].Version;
        var seal = new TrailSeal(streamId, version, headHash, now, signer.KeyId,
            signer.Sign(TrailSeal.SignedText(streamId, version, headHash, now)));
        return new TrailDocument(TrailDocument.CurrentFormat, streamId, subject, now, events,
            await DigestsNamingAsync(connection, streamId, cancellationToken), seal, signer.PublicKeyPem)
        {
            NotYetSealed = stored.Count - chain.Count,
            MissingSealedVersions = missing,
        };
    }

    // A sealed link whose event is gone: someone with database access deleted it (the newest, or any) after sealing.
    private async Task<IReadOnlyList<long>> MissingSealedVersionsAsync(NpgsqlConnection connection, Guid streamId, CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand($"""
            select l.version from {Schema}.chain_links l
             where l.stream_id = $1
               and not exists (select 1 from {options.EventsSchema}.mt_events e where e.stream_id = l.stream_id and e.version = l.version)
             order by l.version
            """, connection);
        select.Parameters.Add(new NpgsqlParameter { Value = streamId });
        var missing = new List<long>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            missing.Add(reader.GetInt64(0));
        }

        return missing;
    }

    /// <summary>Seals the digest of <paramref name="day"/> (China time) if it has none yet; the caller decides the day is over.</summary>
    public async Task<SignedDigest> SealDayAsync(DateOnly day, CancellationToken cancellationToken)
    {
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

        var (root, proofs) = DigestTree.Build(day, heads);
        var digest = new SignedDigest(day, clock.GetUtcNow(), heads.OrderBy(h => h.StreamId).ToList(), root, signer.KeyId,
            signer.Sign(SignedDigest.SignedText(SignedDigest.MerkleFormat, day, root))) { Format = SignedDigest.MerkleFormat };
        await using (var insert = new NpgsqlCommand($"""
            insert into {Schema}.daily_digests (day, sealed_at, heads, root, key_id, signature, format) values ($1, $2, $3, $4, $5, $6, $7)
            on conflict (day) do nothing
            """, connection))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = day });
            insert.Parameters.Add(new NpgsqlParameter { Value = digest.SealedAt.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            insert.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(digest.Heads), NpgsqlDbType = NpgsqlDbType.Jsonb });
            insert.Parameters.Add(new NpgsqlParameter { Value = digest.Root });
            insert.Parameters.Add(new NpgsqlParameter { Value = digest.KeyId });
            insert.Parameters.Add(new NpgsqlParameter { Value = digest.Signature });
            insert.Parameters.Add(new NpgsqlParameter { Value = digest.Format });
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                await using var name = new NpgsqlCommand($"""
                    insert into {Schema}.digest_streams (stream_id, day, version, hash, proof)
                    select s, $2, v, h, p from unnest($1::uuid[], $3::bigint[], $4::text[], $5::text[]) as n(s, v, h, p) on conflict do nothing
                    """, connection);
                name.Parameters.Add(new NpgsqlParameter { Value = heads.Select(h => h.StreamId).ToArray() });
                name.Parameters.Add(new NpgsqlParameter { Value = day });
                name.Parameters.Add(new NpgsqlParameter { Value = heads.Select(h => h.Version).ToArray() });
                name.Parameters.Add(new NpgsqlParameter { Value = heads.Select(h => h.Hash).ToArray() });
                name.Parameters.Add(new NpgsqlParameter { Value = heads.Select(h => string.Join(' ', proofs[h.StreamId])).ToArray() });
                await name.ExecuteNonQueryAsync(cancellationToken);
            }
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

    /// <summary>
    /// The digests that name the stream, as a trail carries them: format 2 with the stream's own head and its proof
    /// (read by key from digest_streams); format 1 with all of that day's heads, which its root needs.
    /// </summary>
    private static async Task<IReadOnlyList<SignedDigest>> DigestsNamingAsync(NpgsqlConnection connection, Guid streamId, CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand($"""
            select d.day, d.sealed_at, d.root, d.key_id, d.signature, d.format, n.version, n.hash, n.proof,
                   case when d.format = '{SignedDigest.FlatFormat}' then d.heads::text end
              from {Schema}.digest_streams n join {Schema}.daily_digests d on d.day = n.day
             where n.stream_id = $1
             order by d.day
            """, connection);
        select.Parameters.Add(new NpgsqlParameter { Value = streamId });
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var digests = new List<SignedDigest>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var merkle = reader.IsDBNull(9);
            IReadOnlyList<DigestHead> heads = merkle
                ? [new DigestHead(streamId, reader.GetInt64(6), reader.GetString(7))]
                : JsonSerializer.Deserialize<List<DigestHead>>(reader.GetString(9))!;
            digests.Add(new SignedDigest(reader.GetFieldValue<DateOnly>(0), new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero), heads,
                reader.GetString(2), reader.GetString(3), reader.GetString(4))
            {
                Format = reader.GetString(5),
                Proof = merkle ? reader.GetString(8).Split(' ', StringSplitOptions.RemoveEmptyEntries) : null,
            });
        }

        return digests;
    }

    private static async Task<IReadOnlyList<SignedDigest>> ReadDigestsAsync(NpgsqlConnection connection, string where, object parameter,
        CancellationToken cancellationToken)
    {
        await using var select = new NpgsqlCommand(
            $"select day, sealed_at, heads::text, root, key_id, signature, format from {Schema}.daily_digests {where}", connection);
        select.Parameters.Add(new NpgsqlParameter { Value = parameter });
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var digests = new List<SignedDigest>();
        while (await reader.ReadAsync(cancellationToken))
        {
            digests.Add(new SignedDigest(
                reader.GetFieldValue<DateOnly>(0),
                new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero),
                JsonSerializer.Deserialize<List<DigestHead>>(reader.GetString(2))!,
                reader.GetString(3), reader.GetString(4), reader.GetString(5)) { Format = reader.GetString(6) });
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
