using Npgsql;

namespace PileRig.Benchmarks.Figures;

/// <summary>Commits and SQL statements the database has seen so far (its own counters), to divide by the work done.</summary>
public readonly record struct DatabaseCounters(long Commits, long Statements);

/// <summary>One of the statements that took the most database time during a run (pg_stat_statements).</summary>
public sealed record TopQuery(string Query, long Calls, double TotalMs, double MeanMs);

/// <summary>
/// The database's view of a run: pg_stat_database's commits and pg_stat_statements' statements (the cluster of
/// scripts/bench preloads it). Counters include the host's background work (sealing, the outbox), as production would.
/// </summary>
public sealed class PgStats(string connectionString)
{
    public async Task EnsureAsync() => await ExecuteAsync("create extension if not exists pg_stat_statements");

    public async Task ResetAsync() => await ExecuteAsync("select pg_stat_statements_reset()");

    public async Task<DatabaseCounters> CountersAsync()
    {
        // Backends publish their counters at most once a second once idle: wait for the last ones to land.
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select (select xact_commit from pg_stat_database where datname = current_database()),
                   (select coalesce(sum(calls), 0)::bigint from pg_stat_statements s join pg_database d on d.oid = s.dbid
                     where d.datname = current_database() and s.query not in ('BEGIN', 'COMMIT', 'ROLLBACK'))
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new DatabaseCounters(reader.GetInt64(0), reader.GetInt64(1));
    }

    public async Task<IReadOnlyList<TopQuery>> TopAsync(int count)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            select s.query, s.calls, s.total_exec_time, s.mean_exec_time
              from pg_stat_statements s join pg_database d on d.oid = s.dbid
             where d.datname = current_database() and s.query not in ('BEGIN', 'COMMIT', 'ROLLBACK')
             order by s.total_exec_time desc limit {count}
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var top = new List<TopQuery>();
        while (await reader.ReadAsync())
        {
            top.Add(new TopQuery(reader.GetString(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetDouble(3)));
        }

        return top;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
