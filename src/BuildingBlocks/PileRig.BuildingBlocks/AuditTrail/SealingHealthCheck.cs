using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PileRig.BuildingBlocks.AuditTrail;

/// <summary>
/// How far the sealer is behind, in events (ADR 0012): shown on /health so operations see a stalled or slow sealer
/// before an export says "not yet sealed". Degraded past PileRig:Audit:LagWarningEvents (default 50 000), never
/// Unhealthy: the product still works, only the newest events wait for their seal.
/// </summary>
public sealed class SealingHealthCheck(AuditTrailStore store, IConfiguration configuration) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var lag = await store.LagAsync(cancellationToken);
        var data = new Dictionary<string, object> { ["lagEvents"] = lag };
        var warning = configuration.GetValue("PileRig:Audit:LagWarningEvents", 50_000L);
        return lag > warning
            ? HealthCheckResult.Degraded($"{lag} events not sealed yet", data: data)
            : HealthCheckResult.Healthy($"{lag} events not sealed yet", data);
    }
}
