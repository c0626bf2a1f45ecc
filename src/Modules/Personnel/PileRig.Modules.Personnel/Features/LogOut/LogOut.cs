using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.Http;
using PileRig.Modules.Personnel.Domain;

namespace PileRig.Modules.Personnel.Features.LogOut;

/// <summary>
/// Ends the session the request came with — a browser cookie or a bearer token alike — on every node at once: the
/// session id is remembered as ended, and every request's account lookup reads it in the same round trip as the
/// account. Other sessions of the account (the engineer's phone, when logging out on the PC) go on.
/// </summary>
public sealed record LogOut(Guid SessionId) : ICommand<Unit>;

public sealed class LogOutHandler(IDocumentSession session, RequestContext context, TimeProvider clock) : ICommandHandler<LogOut, Unit>
{
    public ValueTask<Unit> Handle(LogOut command, CancellationToken cancellationToken)
    {
        // Storing again is harmless: a second logout with the same token finds it ended already.
        session.Store(new EndedSession(command.SessionId, context.Actor.AccountId, clock.GetUtcNow()));
        return ValueTask.FromResult(Unit.Value);
    }
}

public static class LogOutEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/auth/logout", async (HttpContext http, ISender sender, CancellationToken ct) =>
            {
                if (Guid.TryParse(http.User.FindFirst(AuthConstants.SessionIdClaim)?.Value, out var sessionId))
                {
                    await sender.Send(new LogOut(sessionId), ct);
                }

                return TypedResults.SignOut(authenticationSchemes: [AuthConstants.CookieScheme]);
            })
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Auth")
            .WithSummary("Log out: the cookie or bearer token this request carries stops working at once, on every node");
}
