using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using PileRig.BuildingBlocks.Localization;
using PileRig.SharedKernel.Rules;

namespace PileRig.BuildingBlocks.Errors;

/// <summary>
/// Builds the product's RFC 9457 problem details: <c>code</c> (the rule), <c>title</c> and <c>detail</c> in the request's
/// language, <c>args</c> (the values the message names), and for validation <c>errors</c>: one entry per field and rule.
/// </summary>
public static class Problems
{
    public static int StatusOf(RuleKind kind) => kind switch
    {
        RuleKind.Validation => StatusCodes.Status400BadRequest,
        RuleKind.Forbidden => StatusCodes.Status403Forbidden,
        RuleKind.NotFound => StatusCodes.Status404NotFound,
        RuleKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status409Conflict,
    };

    public static ProblemDetails For(RuleViolation violation, int? statusOverride = null)
    {
        var message = Language.Format(violation.Rule, violation.Args);
        var problem = new ProblemDetails
        {
            Type = "urn:pilerig:problem:" + violation.Rule.Code,
            Status = statusOverride ?? StatusOf(violation.Rule.Kind),
            Title = message,
            Detail = message,
        };
        problem.Extensions["code"] = violation.Rule.Code;
        if (violation.Args.Count > 0)
        {
            problem.Extensions["args"] = violation.Args;
        }

        return problem;
    }

    public static ProblemDetails For(RuleCode rule, params (string Name, object? Value)[] args) =>
        For(RuleViolation.Of(rule, args));

    public static ProblemDetails ForValidation(IReadOnlyList<FieldError> errors)
    {
        var title = Language.IsEnglish ? "Some fields are not valid" : "提交的信息有误";
        var problem = new ProblemDetails
        {
            Type = "urn:pilerig:problem:validation",
            Status = StatusCodes.Status400BadRequest,
            Title = title,
            Detail = string.Join("; ", errors.Select(e => $"{e.Field}: {Language.Format(e.Rule, e.Args)}")),
        };
        problem.Extensions["code"] = "validation.failed";
        problem.Extensions["errors"] = errors.Select(e => new
        {
            field = e.Field,
            code = e.Rule.Code,
            message = Language.Format(e.Rule, e.Args),
            args = e.Args.Count > 0 ? e.Args : null,
        }).ToArray();
        return problem;
    }

    /// <summary>Writes a problem straight to the response, for middleware that answers before any endpoint runs.</summary>
    public static async Task WriteAsync(HttpContext http, ProblemDetails problem)
    {
        var writer = http.RequestServices.GetService(typeof(IProblemDetailsService)) as IProblemDetailsService;
        http.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        if (writer is null || !await writer.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem }))
        {
            await http.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
        }
    }
}
