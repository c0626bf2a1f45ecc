using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.Http;
using PileRig.Modules.Enterprises.Contracts;
using PileRig.Modules.Personnel.Contracts;
using PileRig.SharedKernel.Identity;

namespace PileRig.Host.Security;

/// <summary>
/// Turns the cookie or token into an <see cref="Actor"/> read from the database: a disabled account, or one whose
/// password changed since the cookie was issued (security stamp), or a session that was logged out, is treated as
/// signed out at once, on every node (all three are read from the database with the account).
/// </summary>
public sealed class ActorResolutionMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, RequestContext context, IAccountLookup accounts, IEnterpriseProfileLookup enterprises)
    {
        var bearer = SecurityComposition.IsBearerRequest(http);
        var client = new ClientInfo(bearer ? ClientInfo.Api : ClientInfo.Web, http.Request.Headers.UserAgent.ToString(),
            http.Connection.RemoteIpAddress?.ToString());
        context.SetClient(client, Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier);

        if (http.User.Identity?.IsAuthenticated == true)
        {
            var actor = await ResolveAsync(http.User, client, accounts, enterprises, http.RequestAborted);
            if (actor is null)
            {
                if (!bearer)
                {
                    await http.SignOutAsync(AuthConstants.CookieScheme);
                }

                http.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
            else
            {
                context.SetActor(actor);
            }
        }

        await next(http);
    }

    private static async Task<Actor?> ResolveAsync(ClaimsPrincipal user, ClientInfo client, IAccountLookup accounts,
        IEnterpriseProfileLookup enterprises, CancellationToken cancellationToken)
    {
        // A token without a session id predates logout (issued by an earlier build): signed out, sign in again.
        if (!Guid.TryParse(user.FindFirstValue(AuthConstants.AccountIdClaim), out var accountId)
            || !Guid.TryParse(user.FindFirstValue(AuthConstants.SessionIdClaim), out var sessionId))
        {
            return null;
        }

        var account = await accounts.FindSignedInAsync(accountId, sessionId, cancellationToken);
        if (account is null || !account.IsActive || account.SecurityStamp != user.FindFirstValue(AuthConstants.SecurityStampClaim))
        {
            return null;
        }

        var profileComplete = !Roles.IsEnterpriseAccount(account.Role)
            || (account.EnterpriseId is { } enterpriseId && await enterprises.IsProfileCompleteAsync(enterpriseId, cancellationToken));
        return new Actor(account.AccountId, account.Username, account.DisplayName, account.Role, account.EnterpriseId,
            account.MustChangePassword, profileComplete, account.Jurisdictions, client);
    }
}
