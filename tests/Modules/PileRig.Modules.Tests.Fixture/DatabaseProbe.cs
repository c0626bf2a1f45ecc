using Npgsql;

namespace PileRig.Modules.Tests.Fixture;

/// <summary>
/// Read-only looks at the host's database for what no API shows on purpose: the dead-letter queue, stream rows, the
/// idempotency table. Tests use it to check outcomes, never to build state.
/// </summary>
public static class DatabaseProbe
{
    public static async Task<T> ScalarAsync<T>(this PileRigHost host, string sql, params object[] parameters) =>
        await ScalarAsync<T>(host.ConnectionString, sql, parameters);

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default! : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Messages Wolverine gave up on. Must stay 0: a consumer that lost a race runs again, it is not dead-lettered.</summary>
    public static Task<long> DeadLettersAsync(this PileRigHost host) =>
        host.ScalarAsync<long>("select count(*) from wolverine.wolverine_dead_letters");

    /// <summary>The stream rows without events, described (type, id, version, created), for a failing test's message.</summary>
    public static Task<string> EmptyStreamRowsAsync(string connectionString) =>
        ScalarAsync<string>(connectionString,
            "select coalesce(string_agg(coalesce(s.type, '?') || ' ' || s.id || ' v' || coalesce(s.version, -1) || ' at ' || s.created, '; '), '') "
            + "from events.mt_streams s where not exists (select 1 from events.mt_events e where e.stream_id = s.id)");

    /// <summary>Stream rows that hold no event: must never exist (a stream is started with its first event, in one transaction).</summary>
    public static Task<long> EmptyStreamsAsync(string connectionString) =>
        ScalarAsync<long>(connectionString,
            "select count(*) from events.mt_streams s where not exists (select 1 from events.mt_events e where e.stream_id = s.id)");
}
