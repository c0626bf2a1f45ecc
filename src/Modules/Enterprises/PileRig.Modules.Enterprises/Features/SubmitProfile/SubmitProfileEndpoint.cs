using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PileRig.BuildingBlocks.Http;

namespace PileRig.Modules.Enterprises.Features.SubmitProfile;

public static class SubmitProfileEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/enterprises/me/profile", async (SubmitProfile command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command, ct)))
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Enterprises")
            .WithSummary("Complete or change the enterprise profile (required before the account can do anything else)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
