using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PileRig.BuildingBlocks.Http;
using PileRig.Modules.Personnel.Features.LogIn;

namespace PileRig.Modules.Personnel.Features.ChangePassword;

public static class ChangePasswordEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/accounts/me/password", Handle)
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Accounts")
            .WithSummary("Change the signed-in account's password; the session is re-issued (older ones stop working)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    // Changing the password changes the security stamp, which ends every other session; this one is re-issued in kind.
    private static async Task<IResult> Handle(ChangePassword command, HttpContext http, ISender sender,
        CancellationToken cancellationToken)
    {
        var account = await sender.Send(command, cancellationToken);
        var usedCookie = !http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        return SignIns.SignIn(account, usedCookie);
    }
}
