using System.Net;
using PileRig.Modules.Tests.Fixture;
using Shouldly;
using Xunit;

namespace PileRig.Modules.Personnel.Tests;

public sealed class EngineerAccountTests(PileRigHost host)
{
    [Fact]
    public async Task A_firm_must_complete_its_profile_before_it_can_manage_engineers()
    {
        using var client = host.NewClient();
        var (credentials, _, _) = await client.RegisterAsync("supervision_firm");
        await client.SignInWithTokenAsync(credentials);

        await (await client.GetAsync("/api/v1/engineers")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.profile_incomplete");
        await (await client.PostAsync("/api/v1/engineers", new { name = "王工", mobile = TestData.Mobile() }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.profile_incomplete");

        await (await client.SubmitProfileAsync(Scenarios.Profile(TestData.CreditCode(), await client.UploadPdfAsync())))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await client.GetAsync("/api/v1/engineers")).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_generated_password_works_once_and_must_be_changed_before_any_work()
    {
        var firm = await host.NewFirmAsync();
        var engineer = await firm.CreateEngineerAsync("陈工");
        engineer.Credentials.Username.ShouldBe(engineer.Mobile);
        engineer.Credentials.Password.Length.ShouldBeGreaterThanOrEqualTo(8);

        using var client = host.NewClient();
        await client.SignInWithTokenAsync(engineer.Credentials);
        var me = await (await client.GetAsync("/api/v1/accounts/me")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        me["mustChangePassword"]!.GetValue<bool>().ShouldBeTrue();
        me.Str("role").ShouldBe("engineer");
        await (await client.GetAsync($"/api/v1/accounts/{engineer.AccountId}/history"))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.password_change_required");

        var changed = await (await client.PostAsync("/api/v1/accounts/me/password",
            new { currentPassword = engineer.Credentials.Password, newPassword = "siteWork2026" })).ShouldHaveStatusAsync(HttpStatusCode.OK);

        // The old token died with the old password; the answer carries a new one.
        await (await client.GetAsync("/api/v1/accounts/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
        client.UseBearer(changed.Str("accessToken"));
        await (await client.GetAsync($"/api/v1/accounts/{engineer.AccountId}/history")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await client.LogInAsync(engineer.Credentials)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "personnel.invalid_credentials");
        await (await client.LogInAsync(engineer.Credentials with { Password = "siteWork2026" })).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_new_password_must_follow_the_policy_and_differ_and_the_current_one_must_be_right()
    {
        var firm = await host.NewFirmAsync();
        var engineer = await firm.CreateEngineerAsync();
        using var client = host.NewClient();
        await client.SignInWithTokenAsync(engineer.Credentials);

        var weak = await client.PostAsync("/api/v1/accounts/me/password", new { currentPassword = engineer.Credentials.Password, newPassword = "short1" });
        (await weak.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed")).FieldCodes("newPassword").ShouldBe(["personnel.password_policy"]);

        var same = await client.PostAsync("/api/v1/accounts/me/password",
            new { currentPassword = engineer.Credentials.Password, newPassword = engineer.Credentials.Password });
        (await same.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed")).FieldCodes("newPassword").ShouldBe(["personnel.password_unchanged"]);

        var wrongCurrent = await client.PostAsync("/api/v1/accounts/me/password", new { currentPassword = "notMine123", newPassword = "fresh12345" });
        await wrongCurrent.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "personnel.wrong_current_password");

        // Nothing changed: the generated password still logs in.
        await (await client.LogInAsync(engineer.Credentials)).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_disabled_engineer_cannot_log_in_and_their_open_session_ends_until_re_enabled()
    {
        var firm = await host.NewFirmAsync();
        var (engineerClient, engineer) = await host.NewActiveEngineerAsync(firm);

        var disabled = await (await firm.Client.PostAsync($"/api/v1/engineers/{engineer.AccountId}/disable", new { reason = "离职" }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        disabled.Str("status").ShouldBe("disabled");

        await (await engineerClient.GetAsync("/api/v1/accounts/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
        await (await engineerClient.LogInAsync(engineer.Credentials)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "personnel.account_disabled");
        await (await firm.Client.PostAsync($"/api/v1/engineers/{engineer.AccountId}/disable", new { reason = "again" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "personnel.already_disabled");

        await (await firm.Client.PostAsync($"/api/v1/engineers/{engineer.AccountId}/enable", new { reason = "返岗" })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await engineerClient.LogInAsync(engineer.Credentials)).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_reset_password_replaces_the_old_one_and_must_be_changed_again()
    {
        var firm = await host.NewFirmAsync();
        var (engineerClient, engineer) = await host.NewActiveEngineerAsync(firm);

        var reset = await (await firm.Client.PostAsync($"/api/v1/engineers/{engineer.AccountId}/password-reset")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var newPassword = reset.Str("password");

        await (await engineerClient.LogInAsync(engineer.Credentials)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "personnel.invalid_credentials");
        await engineerClient.SignInWithTokenAsync(engineer.Credentials with { Password = newPassword });
        var me = await (await engineerClient.GetAsync("/api/v1/accounts/me")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        me["mustChangePassword"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task A_firm_lists_only_its_own_engineers_and_gets_404_for_anyone_elses()
    {
        var firm = await host.NewFirmAsync();
        var rival = await host.NewFirmAsync();
        var mine = await firm.CreateEngineerAsync("甲");
        var theirs = await rival.CreateEngineerAsync("乙");

        var list = await (await firm.Client.GetAsync("/api/v1/engineers")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        list.AsArray().Select(e => e!.Id("accountId")).ShouldBe([mine.AccountId]);

        await (await firm.Client.PostAsync($"/api/v1/engineers/{theirs.AccountId}/disable", new { reason = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "personnel.engineer_not_found");
        await (await firm.Client.PostAsync($"/api/v1/engineers/{theirs.AccountId}/password-reset"))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "personnel.engineer_not_found");
        await (await firm.Client.GetAsync($"/api/v1/accounts/{theirs.AccountId}/history"))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "resource.not_found");

        // The rival's engineer was not touched: they still log in with the generated password.
        using var client = host.NewClient();
        await (await client.LogInAsync(theirs.Credentials)).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_rig_owner_cannot_create_engineers()
    {
        var owner = await host.NewOwnerAsync();

        await (await owner.Client.PostAsync("/api/v1/engineers", new { name = "王工", mobile = TestData.Mobile() }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
    }

    [Fact]
    public async Task An_engineers_history_shows_who_did_what_when_and_from_which_client()
    {
        var firm = await host.NewFirmAsync();
        var engineer = await firm.CreateEngineerAsync();
        await (await firm.Client.PostAsync($"/api/v1/engineers/{engineer.AccountId}/disable", new { reason = "暂停：证书过期" }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);

        var history = (await (await firm.Client.GetAsync($"/api/v1/accounts/{engineer.AccountId}/history"))
            .ShouldHaveStatusAsync(HttpStatusCode.OK)).AsArray();

        history.Select(e => e!.Str("type")).ShouldBe(["personnel.engineer_account_created", "personnel.account_disabled"]);
        foreach (var entry in history)
        {
            entry!.Id("accountId").ShouldBe(firm.AccountId);
            entry!.Id("enterpriseId").ShouldBe(firm.EnterpriseId);
            entry!.Str("client").ShouldBe("api");
            entry!.Str("userAgent").ShouldContain("PileRig-Tests");
            DateTimeOffset.Parse(entry!.Str("timestamp"), System.Globalization.CultureInfo.InvariantCulture)
                .ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        }

        history[1]!["data"]!.Str("reason").ShouldBe("暂停：证书过期");
    }
}
