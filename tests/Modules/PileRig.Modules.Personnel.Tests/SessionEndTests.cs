using System.Net;
using PileRig.Modules.Tests.Fixture;
using Shouldly;
using Xunit;

namespace PileRig.Modules.Personnel.Tests;

/// <summary>
/// Logging out ends that session for good, wherever a copy of its cookie or token is (a shared PC, a stolen phone's
/// backup): the server remembers it as ended. The account's other sessions go on.
/// </summary>
public sealed class SessionEndTests(PileRigHost host)
{
    [Fact]
    public async Task A_copy_of_a_logged_out_browser_cookie_is_refused()
    {
        using var browser = host.NewClient();
        var (credentials, _, _) = await browser.RegisterAsync("supervision_firm");
        await browser.SignInWithCookieAsync(credentials);
        using var copy = host.NewClient();
        copy.Cookies.Add(browser.Cookies.GetCookies(browser.BaseAddress));
        await (await copy.GetAsync("/api/v1/accounts/me")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        await (await browser.PostAsync("/api/v1/auth/logout")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        await (await copy.GetAsync("/api/v1/accounts/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task A_logged_out_bearer_token_stops_working_and_the_accounts_other_sessions_go_on()
    {
        using var phone = host.NewClient();
        var (credentials, _, _) = await phone.RegisterAsync("rig_owner");
        await phone.SignInWithTokenAsync(credentials);
        using var pc = host.NewClient();
        await pc.SignInWithTokenAsync(credentials);

        await (await pc.PostAsync("/api/v1/auth/logout")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        await (await pc.GetAsync("/api/v1/accounts/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
        await (await phone.GetAsync("/api/v1/accounts/me")).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Answers_carry_the_security_headers_and_token_answers_are_never_stored()
    {
        using var client = host.NewClient();
        var (credentials, _, _) = await client.RegisterAsync("rig_owner");

        var login = await client.LogInAsync(credentials);

        await login.ShouldHaveStatusAsync(HttpStatusCode.OK);
        login.Headers.CacheControl!.NoStore.ShouldBeTrue();
        foreach (var answer in new[] { login, await client.GetAsync("/"), await client.GetAsync("/api/v1/no-such-route") })
        {
            answer.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'");
            answer.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
            answer.Headers.GetValues("Referrer-Policy").Single().ShouldBe("same-origin");
        }
    }
}
