using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using PileRig.BuildingBlocks.Http;

namespace PileRig.Modules.Personnel.Features.RegisterEnterpriseAccount;

public static class RegisterEnterpriseAccountEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/accounts/register", Handle)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Login)
            .WithTags("Accounts")
            .WithSummary("Sign up a supervision firm (监理单位) or rig owner (产权单位)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Created<RegisteredAccount>> Handle(RegisterEnterpriseAccount command, ISender sender,
        CancellationToken cancellationToken) =>
        TypedResults.Created("/api/v1/accounts/me", await sender.Send(command, cancellationToken));
}
