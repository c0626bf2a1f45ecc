using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using PileRig.BuildingBlocks.Http;
using PileRig.Modules.Personnel.Domain;

namespace PileRig.Modules.Personnel.Features.LogIn;

/// <summary>The principal a cookie or bearer token carries: only the account id, its security stamp and the session id. Everything
/// else (role, enterprise, status) is read from the database on each request.</summary>
public static class SignIns
{
    public static ClaimsPrincipal PrincipalFor(Account account, string scheme) =>
        new(new ClaimsIdentity(
        [
            new Claim(AuthConstants.AccountIdClaim, account.Id.ToString()),
            new Claim(AuthConstants.SecurityStampClaim, account.SecurityStamp),
            // Each sign-in is a session of its own, which logging out ends (and only it).
            new Claim(AuthConstants.SessionIdClaim, Guid.CreateVersion7().ToString()),
            new Claim(ClaimTypes.Name, account.Username),
        ], scheme));

    /// <summary>Cookie for the browser client, a bearer token (JSON body) for API clients.</summary>
    public static IResult SignIn(Account account, bool useCookies)
    {
        var scheme = useCookies ? AuthConstants.CookieScheme : AuthConstants.BearerScheme;
        return TypedResults.SignIn(PrincipalFor(account, scheme), new AuthenticationProperties { IsPersistent = true }, scheme);
    }
}
