using System.Security.Cryptography;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Http;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.Errors;
using PileRig.SharedKernel.Rules;

namespace PileRig.BuildingBlocks.Http;

/// <summary>
/// A command sent with an <c>Idempotency-Key</c>: its request hash and, once answered, the answer to replay. The id is
/// "account:key", so keys are per account. The unit of work inserts it in the command's own transaction (a reservation),
/// so a retry can never write twice; the middleware then records the answer.
/// </summary>
public sealed record IdempotencyRecord(string Id, string RequestHash, int? Status, string? ContentType, string? Body, DateTimeOffset At);

public static class IdempotencyRules
{
    public static readonly RuleCode KeyTooLong = new("idempotency.key_format", RuleKind.Validation,
        "Idempotency-Key 应为 1–100 个可见字符", "Idempotency-Key must be 1–100 visible characters");

    public static readonly RuleCode InProgress = new("idempotency.in_progress", RuleKind.Conflict,
        "同一请求正在处理或已处理，请稍后查询结果", "The same request is being processed or was processed; look up its result");
}

public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";

    public async Task InvokeAsync(HttpContext http, RequestContext context, IDocumentStore store)
    {
        var key = http.Request.Headers[Header].ToString();
        if (key.Length == 0 || context.ActorOrNull is not { } actor || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        {
            await next(http);
            return;
        }

        if (key.Length > 100 || key.Any(char.IsControl))
        {
            await Problems.WriteAsync(http, Problems.ForValidation([new FieldError(Header, IdempotencyRules.KeyTooLong, new Dictionary<string, object?>())]));
            return;
        }

        var id = $"{actor.AccountId}:{key}";
        var hash = await RequestHashAsync(http.Request);
        await using (var query = store.QuerySession())
        {
            if (await query.LoadAsync<IdempotencyRecord>(id, http.RequestAborted) is { } previous)
            {
                await AnswerRepeatAsync(http, previous, hash);
                return;
            }
        }

        context.SetIdempotency(id, hash);
        var original = http.Response.Body;
        await using var captured = new MemoryStream();
        http.Response.Body = captured;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        captured.Position = 0;
        await captured.CopyToAsync(original, http.RequestAborted);
        if (http.Response.StatusCode < 500)
        {
            await using var session = store.LightweightSession();
            session.Store(new IdempotencyRecord(id, hash, http.Response.StatusCode, http.Response.ContentType,
                Encoding.UTF8.GetString(captured.ToArray()), DateTimeOffset.UtcNow));
            await session.SaveChangesAsync(http.RequestAborted);
        }
    }

    private static async Task AnswerRepeatAsync(HttpContext http, IdempotencyRecord previous, string hash)
    {
        if (previous.RequestHash != hash)
        {
            await Problems.WriteAsync(http, Problems.For(CommonRules.IdempotencyKeyReused));
            return;
        }

        if (previous.Status is not { } status)
        {
            await Problems.WriteAsync(http, Problems.For(IdempotencyRules.InProgress));
            return;
        }

        http.Response.StatusCode = status;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        if (previous.ContentType is { } type)
        {
            http.Response.ContentType = type;
        }

        await http.Response.WriteAsync(previous.Body ?? "", http.RequestAborted);
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
