using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PileRig.BuildingBlocks.Http;
using PileRig.SharedKernel.Rules;

namespace PileRig.Modules.Personnel.Features.LogIn;

public static class LogInEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/auth/login", Handle)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Login)
            .WithTags("Auth")
            .WithSummary("Log in: ?useCookies=true sets the browser cookie, otherwise a bearer token is returned")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static async Task<IResult> Handle(LogIn command, bool? useCookies, ISender sender, CancellationToken cancellationToken)
    {
        var account = await sender.Send(command, cancellationToken);
        return SignIns.SignIn(account, useCookies ?? false);
    }
}
