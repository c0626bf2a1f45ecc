using System.Net;
using PileRig.Modules.Tests.Fixture;
using Shouldly;
using Xunit;

namespace PileRig.Modules.Durability.Tests;

/// <summary>
/// Two nodes of one deployment behind a load balancer, each with its own local folder: a user signed in on one is
/// signed in on the other (the key ring that protects cookies and tokens is in PostgreSQL), logging out on one ends the
/// session on both, and both publish the one audit key.
/// </summary>
public sealed class TwoNodeTests
{
    [Fact]
    public async Task A_token_and_a_cookie_issued_by_one_node_are_honoured_by_the_other_and_a_logout_ends_them_on_both()
    {
        await using var first = await HostProcess.StartOnNewDatabaseAsync(h => h.Settings["PileRig__Wolverine__Balanced"] = "true");
        await using var second = await first.StartAnotherNodeAsync();
        first.Folder.ShouldNotBe(second.Folder);

        using var phone = first.NewClient();
        var (credentials, _, _) = await phone.RegisterAsync("rig_owner");
        await phone.SignInWithTokenAsync(credentials);
        using var browser = first.NewClient();
        await browser.SignInWithCookieAsync(credentials);

        // The same credentials, presented to the other node.
        using var phoneOnSecond = second.NewClient();
        phoneOnSecond.UseBearer(phone.BearerToken);
        using var browserOnSecond = second.NewClient();
        browserOnSecond.Cookies.Add(second.Url, browser.Cookies.GetCookies(first.Url));
        await (await phoneOnSecond.GetAsync("/api/v1/accounts/me")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await browserOnSecond.GetAsync("/api/v1/accounts/me")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        // Both sign digests and exports as the one platform.
        var firstKey = await (await phone.GetAsync("/api/v1/audit/public-key")).Content.ReadAsStringAsync();
        firstKey.ShouldStartWith("-----BEGIN PUBLIC KEY-----");
        (await (await phoneOnSecond.GetAsync("/api/v1/audit/public-key")).Content.ReadAsStringAsync()).ShouldBe(firstKey);

        await (await phoneOnSecond.PostAsync("/api/v1/auth/logout")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        await (await phone.GetAsync("/api/v1/accounts/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
        await (await browser.GetAsync("/api/v1/accounts/me")).ShouldHaveStatusAsync(HttpStatusCode.OK); // another session
    }

    [Fact]
    public async Task A_production_node_without_a_configured_audit_key_refuses_to_start_naming_the_setting()
    {
        await using var host = await HostProcess.StartOnNewDatabaseAsync();
        await host.KillAsync();
        host.Settings["PileRig__Audit__SigningKey"] = "";

        var refused = await Should.ThrowAsync<InvalidOperationException>(host.StartAsync());

        refused.Message.ShouldContain("PileRig:Audit:SigningKey");
    }
}
