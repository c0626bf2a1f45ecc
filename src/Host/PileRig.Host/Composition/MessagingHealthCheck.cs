using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace PileRig.Host.Composition;

/// <summary>
/// Wolverine's durable storage as operations needs to see it: messages given up on (dead letters: a notification that
/// was never sent, a consumer that kept failing) and messages waiting to be handled or sent (the outbox backlog).
/// Degraded above the thresholds (PileRig:Health:DeadLettersWarning, default 0; PileRig:Health:BacklogWarning, default
/// 1 000), never Unhealthy: the node still serves, and taking every node out of rotation for one poisoned message
/// would be worse than the message. Counts are of those tables only, which hold what is pending, not what was handled.
/// </summary>
public sealed class MessagingHealthCheck(IConfiguration configuration) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(configuration.GetConnectionString(PersistenceComposition.ConnectionStringName));
        await connection.OpenAsync(cancellationToken);
        await using var count = new NpgsqlCommand("""
            select (select count(*) from wolverine.wolverine_dead_letters where archived_at is null),
                   (select count(*) from wolverine.wolverine_outgoing_envelopes)
                 + (select count(*) from wolverine.wolverine_incoming_envelopes where status <> 'Handled')
            """, connection);
        await using var reader = await count.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (deadLetters, backlog) = (reader.GetInt64(0), reader.GetInt64(1));

        var data = new Dictionary<string, object> { ["deadLetters"] = deadLetters, ["backlog"] = backlog };
        var problems = new List<string>();
        if (deadLetters > configuration.GetValue("PileRig:Health:DeadLettersWarning", 0L))
        {
            problems.Add($"{deadLetters} message(s) given up on (dead letters)");
        }

        if (backlog > configuration.GetValue("PileRig:Health:BacklogWarning", 1_000L))
        {
            problems.Add($"{backlog} message(s) waiting to be handled or sent");
        }

        return problems.Count > 0
            ? HealthCheckResult.Degraded(string.Join("; ", problems), data: data)
            : HealthCheckResult.Healthy($"{deadLetters} dead letters, {backlog} waiting", data);
    }
}
