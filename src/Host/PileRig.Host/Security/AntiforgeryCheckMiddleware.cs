using Microsoft.AspNetCore.Antiforgery;
using PileRig.BuildingBlocks.Errors;
using PileRig.SharedKernel.Rules;

namespace PileRig.Host.Security;

/// <summary>
/// Requests that change something and ride on the browser cookie must carry the anti-forgery token in
/// <c>X-XSRF-TOKEN</c> (from GET /api/v1/auth/antiforgery). Bearer-token clients are not exposed to CSRF and skip it.
/// </summary>
public sealed class AntiforgeryCheckMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-XSRF-TOKEN";

    public async Task InvokeAsync(HttpContext http, IAntiforgery antiforgery)
    {
        var unsafeMethod = !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            || HttpMethods.IsOptions(http.Request.Method));
        // Anonymous endpoints (login, sign-up) act on no session; SameSite=Strict covers login CSRF.
        var anonymousEndpoint = http.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null;
        if (unsafeMethod && !anonymousEndpoint && http.User.Identity?.IsAuthenticated == true && !SecurityComposition.IsBearerRequest(http)
            && !await antiforgery.IsRequestValidAsync(http))
        {
            await Problems.WriteAsync(http, Problems.For(CommonRules.AntiforgeryFailed));
            return;
        }

        await next(http);
    }
}

public static class SecurityEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/auth/antiforgery", (HttpContext http, IAntiforgery antiforgery) =>
            {
                var tokens = antiforgery.GetAndStoreTokens(http);
                return TypedResults.Ok(new { token = tokens.RequestToken, headerName = tokens.HeaderName });
            })
            .AllowAnonymous()
            .WithTags("Auth")
            .WithSummary("Anti-forgery token for cookie sessions: send it as X-XSRF-TOKEN on POST/PUT/DELETE");
}
