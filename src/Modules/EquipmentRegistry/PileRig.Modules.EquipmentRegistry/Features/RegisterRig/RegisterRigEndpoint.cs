using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PileRig.BuildingBlocks.Http;
using PileRig.SharedKernel.Rules;

namespace PileRig.Modules.EquipmentRegistry.Features.RegisterRig;

public static class RegisterRigEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/rigs", async (RegisterRig command, ISender sender, CancellationToken ct) =>
            {
                var rig = await sender.Send(command, ct);
                return TypedResults.Created($"/api/v1/rigs/{rig.RigId}", rig);
            })
            .RequireAuthorization(Policies.RigOwner)
            .WithTags("Rigs")
            .WithSummary("Register a rig (桩工机械) and its components; each item gets its own signed QR code")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
