using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.Errors;
using PileRig.BuildingBlocks.Persistence;
using PileRig.SharedKernel.Rules;

namespace PileRig.BuildingBlocks.Http;

/// <summary>
/// The answer to a command sent with an <c>Idempotency-Key</c>, written by the unit of work in the command's own
/// transaction: the write and its answer commit together or not at all, so a key is either answered or absent, never
/// stuck. The id is "account:key" (keys are per account); the request hash tells a retry from a different request
/// that reuses the key. See ADR 0014.
/// </summary>
public sealed record IdempotencyRecord(string Id, string RequestHash, string Response, DateTimeOffset At)
{
    /// <summary>A refusal saved with its record (<c>RecordedRefusalException</c>): replayed as the same refusal.</summary>
    public string? Refusal { get; init; }

    /// <summary>Stored instead of an answer that holds a secret (see <c>IAnswerHoldsSecret</c>).</summary>
    public const string SecretNotKept = "";
}

public sealed class IdempotencyOptions
{
    public const string Section = "PileRig:Idempotency";

    /// <summary>How long an answered key is kept for replay (at least; the sweep runs hourly).</summary>
    public int KeepHours { get; set; } = 48;

    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromHours(1);
}

public static class IdempotencyRules
{
    public static readonly RuleCode KeyTooLong = new("idempotency.key_format", RuleKind.Validation,
        "Idempotency-Key 应为 1–100 个可见字符", "Idempotency-Key must be 1–100 visible characters");

    public static readonly RuleCode AnswerNotKept = new("idempotency.answer_not_kept", RuleKind.Conflict,
        "该请求已完成；其答复含一次性密码，系统不予保存。如未记下密码，请重置密码",
        "This request was already carried out; its answer held a one-time password, which is not kept. Reset the password if it was not noted");
}

/// <summary>Reads the <c>Idempotency-Key</c> header of a signed-in command request and hands key and request hash to the pipeline.</summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async Task InvokeAsync(HttpContext http, RequestContext context)
    {
        var key = http.Request.Headers[Header].ToString();
        if (key.Length == 0 || context.ActorOrNull is not { } actor || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        {
            await next(http);
            return;
        }

        if (key.Length > 100 || key.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            await Problems.WriteAsync(http, Problems.ForValidation([new FieldError(Header, IdempotencyRules.KeyTooLong, new Dictionary<string, object?>())]));
            return;
        }

        context.SetIdempotency($"{actor.AccountId}:{key}", await RequestHashAsync(http.Request));
        http.Response.OnStarting(() =>
        {
            if (context.IdempotentReplay)
            {
                http.Response.Headers[ReplayedHeader] = "true";
            }

            return Task.CompletedTask;
        });
        await next(http);
    }

    private static async Task<string> RequestHashAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        var head = Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n");
        return Convert.ToHexStringLower(SHA256.HashData([.. head, .. buffer.ToArray()]));
    }
}

/// <summary>
/// First in the command pipeline: a key already answered replays that answer (the endpoint then shapes it exactly as
/// the first time). A request that fails while another with the same key and body won — a concurrent retry, or the
/// original still running when the phone retried — waits for that one's commit (PostgreSQL makes it) and answers what
/// it answered instead of a conflict. The unit of work stores the answer.
/// </summary>
public sealed class IdempotencyBehaviour<TMessage, TResponse>(RequestContext context, IDocumentStore store)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand || context.Idempotency is not { } key)
        {
            return await next(message, cancellationToken);
        }

        if (await FindAsync(key.Id, cancellationToken) is { } answered)
        {
            return Replay(answered, key.RequestHash);
        }

        try
        {
            return await next(message, cancellationToken);
        }
        catch (Exception exception) when (exception is not RecordedRefusalException && (exception is RuleViolationException || LostRaces.IsLostRace(exception)))
        {
            // Refused or beaten: if another request with this key committed meanwhile, its answer is this one's too.
            if (await FindAsync(key.Id, CancellationToken.None) is { } winner)
            {
                return Replay(winner, key.RequestHash);
            }

            throw;
        }
    }

    private TResponse Replay(IdempotencyRecord answered, string requestHash)
    {
        if (answered.RequestHash != requestHash)
        {
            throw new RuleViolationException(CommonRules.IdempotencyKeyReused);
        }

        if (answered.Refusal is { } refusal)
        {
            context.MarkIdempotentReplay();
            throw new RuleViolationException(JsonSerializer.Deserialize<RuleViolation>(refusal, ApiJson.Options)!);
        }

        if (answered.Response == IdempotencyRecord.SecretNotKept)
        {
            throw new RuleViolationException(IdempotencyRules.AnswerNotKept);
        }

        context.MarkIdempotentReplay();
        return JsonSerializer.Deserialize<TResponse>(answered.Response, ApiJson.Options)!;
    }

    private async Task<IdempotencyRecord?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<IdempotencyRecord>(id, cancellationToken);
    }
}

/// <summary>Deletes answered keys older than <see cref="IdempotencyOptions.KeepHours"/>; by the indexed time, so its cost grows with what expired.</summary>
public sealed class IdempotencySweep(IDocumentStore store, IOptions<IdempotencyOptions> options, TimeProvider clock, ILogger<IdempotencySweep> logger)
    : BackgroundService
{
    /// <summary>Deletes the answers older than the keeping time, counted back from <paramref name="now"/>.</summary>
    public async Task SweepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now.AddHours(-options.Value.KeepHours);
        await using var session = store.LightweightSession();
        session.DeleteWhere<IdempotencyRecord>(r => r.At < cutoff);
        await session.SaveChangesAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepEvery, clock);
        do
        {
            try
            {
                await SweepAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Sweeping expired idempotency keys failed; trying again later");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
