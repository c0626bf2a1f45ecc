using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PileRig.Host.Composition;

/// <summary>Healthy when the Marten store's database answers a query.</summary>
public sealed class PostgresHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var session = store.QuerySession();
            var one = await session.QueryAsync<int>("select 1", cancellationToken);
            return one.Count == 1 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("unexpected answer");
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is unreachable", e);
        }
    }
}
