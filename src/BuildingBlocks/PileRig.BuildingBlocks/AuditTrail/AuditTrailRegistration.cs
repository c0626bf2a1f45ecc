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
    /// <summary>
    /// The chain store, its signing key and the sealing loop. The key is the platform's identity for every digest and
    /// export, so every node must sign with the same one: PileRig:Audit:SigningKey (the PEM, e.g. from a secret store
    /// through the environment) or PileRig:Audit:SigningKeyPath (a PEM file, created on first use). Where neither is
    /// configured a key is created in the keys folder — fine for one machine, refused in Production, where each node
    /// would otherwise publish a key of its own.
    /// </summary>
    public static IServiceCollection AddAuditTrail(this IServiceCollection services, IConfiguration configuration,
        string connectionString, string eventsSchema, bool requireConfiguredKey)
    {
        var configuredPem = configuration["PileRig:Audit:SigningKey"];
        var configuredPath = configuration["PileRig:Audit:SigningKeyPath"];
        var keyPath = configuredPath ?? Path.Combine(configuration["PileRig:Security:KeysFolder"] ?? "keys", "audit-signing-key.pem");
        services.AddSingleton(new AuditTrailOptions(connectionString, eventsSchema, keyPath));
        // Resolved when the host starts serving (the sealer needs it), not by commands such as db-apply or codegen.
        services.AddSingleton(_ =>
        {
            if (!string.IsNullOrWhiteSpace(configuredPem))
            {
                return DigestSigner.FromPem(configuredPem);
            }

            return requireConfiguredKey && string.IsNullOrWhiteSpace(configuredPath)
                ? throw new InvalidOperationException(
                    "No audit signing key is configured: set PileRig:Audit:SigningKey (the PEM; PileRig__Audit__SigningKey in the "
                    + "environment) or PileRig:Audit:SigningKeyPath (a PEM file), the same on every node.")
                : new DigestSigner(keyPath);
        });
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
