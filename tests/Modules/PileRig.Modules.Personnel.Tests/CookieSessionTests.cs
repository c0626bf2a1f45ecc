using System.Net;
using PileRig.Modules.Tests.Fixture;
using Shouldly;
using Xunit;

namespace PileRig.Modules.Personnel.Tests;

public sealed class CookieSessionTests(PileRigHost host)
{
    [Fact]
    public async Task The_browser_cookie_is_HttpOnly_and_SameSite_strict()
    {
        using var client = host.NewClient();
        var (credentials, _, _) = await client.RegisterAsync("rig_owner");

        var login = await client.LogInAsync(credentials, useCookies: true);

        await login.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pilerig.auth=", StringComparison.Ordinal));
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=strict", Case.Insensitive);
        await (await client.GetAsync("/api/v1/accounts/me")).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_change_over_the_cookie_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        using var client = host.NewClient();
        var (credentials, _, _) = await client.RegisterAsync("rig_owner");
        await (await client.LogInAsync(credentials, useCookies: true)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var forged = await client.PostAsync("/api/v1/accounts/me/password", new { currentPassword = credentials.Password, newPassword = "another123" });
        await forged.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.antiforgery_failed");
        using (var other = host.NewClient())
        {
            await (await other.LogInAsync(credentials)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        await client.SignInWithCookieAsync(credentials);
        var genuine = await client.PostAsync("/api/v1/accounts/me/password", new { currentPassword = credentials.Password, newPassword = "another123" });
        await genuine.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await client.GetAsync("/api/v1/accounts/me")).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Logging_out_ends_the_browser_session()
    {
        using var client = host.NewClient();
        var (credentials, _, _) = await client.RegisterAsync("supervision_firm");
        await client.SignInWithCookieAsync(credentials);

        await (await client.PostAsync("/api/v1/auth/logout")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        await (await client.GetAsync("/api/v1/accounts/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }
}
