using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PileRig.BuildingBlocks.Http;

namespace PileRig.BuildingBlocks.AuditTrail;

public static class AuditTrailRegistration
{
    /// <summary>The chain store, its signing key (PileRig:Audit:SigningKeyPath) and the sealing loop.</summary>
    public static IServiceCollection AddAuditTrail(this IServiceCollection services, IConfiguration configuration,
        string connectionString, string eventsSchema)
    {
        var keyPath = configuration["PileRig:Audit:SigningKeyPath"]
            ?? Path.Combine(configuration["PileRig:Security:KeysFolder"] ?? "keys", "audit-signing-key.pem");
        services.AddSingleton(new AuditTrailOptions(connectionString, eventsSchema, keyPath));
        services.AddSingleton(_ => new DigestSigner(keyPath));
        services.AddSingleton<AuditTrailStore>();
        services.AddHostedService<AuditTrailSealingService>();
        return services;
    }

    /// <summary>What anyone needs to verify an exported trail: the public key and the daily digests.</summary>
    public static void MapAuditTrailEndpoints(this IEndpointRouteBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit trail").AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Public);
        audit.MapGet("/public-key", (AuditTrailStore store) =>
                TypedResults.Text(store.Signer.PublicKeyPem, "application/x-pem-file"))
            .WithSummary("The platform's public key (PEM) that signs daily digests and exported trails");
        audit.MapGet("/digests/{day}", async Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<SignedDigest>, Microsoft.AspNetCore.Http.HttpResults.NotFound>> (DateOnly day, AuditTrailStore store, CancellationToken ct) =>
                await store.FindDigestAsync(day, ct) is { } digest ? TypedResults.Ok(digest) : TypedResults.NotFound())
            .WithSummary("The signed digest of one day's (China time) chain heads, once the day is over");
    }
}

/// <summary>Seals new events every few seconds and each day's digest once the day is over.</summary>
public sealed partial class AuditTrailSealingService(AuditTrailStore store, IConfiguration configuration, ILogger<AuditTrailSealingService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(configuration.GetValue("PileRig:Audit:SealEverySeconds", 2.0));
        // Transactions still committing when a day ends get this long to be sealed into it.
        var grace = TimeSpan.FromMinutes(configuration.GetValue("PileRig:Audit:DigestGraceMinutes", 10.0));
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await store.SealPendingAsync(stoppingToken);
                await store.SealClosedDaysAsync(grace, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSealingFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sealing the audit trail failed; retrying on the next tick")]
    private static partial void LogSealingFailed(ILogger logger, Exception exception);
}
