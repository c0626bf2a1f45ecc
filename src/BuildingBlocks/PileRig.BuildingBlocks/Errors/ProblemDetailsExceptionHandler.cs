using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using PileRig.BuildingBlocks.Persistence;
using PileRig.SharedKernel.Rules;

namespace PileRig.BuildingBlocks.Errors;

/// <summary>
/// The one place an exception becomes an HTTP answer, in every environment: rules → 400/403/404/409/429 with their
/// code, optimistic-concurrency losses → 409 <c>concurrency.conflict</c>, unreadable input → 400, anything else → 500
/// carrying only a trace id (and a log entry with the exception).
/// </summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody reads this answer, and nothing is wrong with the server.
            httpContext.Response.StatusCode = 499;
            return true;
        }

        var problem = Map(exception);
        if (problem.Status >= 500)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        problem.Extensions["traceId"] = httpContext.TraceIdentifier;
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails Map(Exception exception) => exception switch
    {
        RuleViolationException rule => Problems.For(rule.Violation),
        InputValidationException invalid => Problems.ForValidation(invalid.Errors),
        _ when LostRaces.IsLostRace(exception) => Problems.For(CommonRules.ConcurrencyConflict),
        BadHttpRequestException { InnerException: JsonException } or JsonException
            => Problems.For(CommonRules.MalformedRequest),
        BadHttpRequestException bad when bad.StatusCode is >= 400 and < 500
            => Problems.For(RuleViolation.Of(CommonRules.MalformedRequest), bad.StatusCode),
        _ => Problems.For(CommonRules.InternalError) is var p ? WithStatus(p, StatusCodes.Status500InternalServerError) : null!,
    };

    private static ProblemDetails WithStatus(ProblemDetails problem, int status)
    {
        problem.Status = status;
        return problem;
    }
}
