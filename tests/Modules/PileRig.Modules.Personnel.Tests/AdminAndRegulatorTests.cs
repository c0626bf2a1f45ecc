using System.Net;
using PileRig.Modules.Tests.Fixture;
using Shouldly;
using Xunit;

namespace PileRig.Modules.Personnel.Tests;

public sealed class AdminAndRegulatorTests(PileRigHost host)
{
    [Fact]
    public async Task The_admin_exists_from_configuration_and_creates_regulators_bound_to_jurisdictions()
    {
        using var admin = await host.SignedInAdminAsync();
        var me = await (await admin.GetAsync("/api/v1/accounts/me")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        me.Str("role").ShouldBe("admin");

        var regulator = await (await admin.PostAsync("/api/v1/regulators",
                new { name = "赵监管", mobile = TestData.Mobile(), organisation = "鄞州区建设工程安全质量监督站", jurisdictions = new[] { "330212", "330203" } }))
            .ShouldHaveStatusAsync(HttpStatusCode.Created);

        using var client = host.NewClient();
        await client.SignInWithTokenAsync(new Credentials(regulator.Str("username"), regulator.Str("password")));
        var regulatorMe = await (await client.GetAsync("/api/v1/accounts/me")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        regulatorMe.Str("role").ShouldBe("regulator");
        regulatorMe["jurisdictions"]!.AsArray().Select(j => j!.GetValue<string>()).ShouldBe(["330212", "330203"]);
        regulatorMe["mustChangePassword"]!.GetValue<bool>().ShouldBeTrue();

        var all = await (await admin.GetAsync("/api/v1/regulators")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        all.AsArray().Select(r => r!.Id("accountId")).ShouldContain(regulator.Id("accountId"));
    }

    [Fact]
    public async Task A_regulator_needs_at_least_one_well_formed_jurisdiction()
    {
        using var admin = await host.SignedInAdminAsync();

        var none = await admin.PostAsync("/api/v1/regulators", new { name = "赵", mobile = TestData.Mobile(), organisation = "住建局", jurisdictions = Array.Empty<string>() });
        (await none.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed")).FieldCodes("jurisdictions")
            .ShouldBe(["personnel.jurisdictions_required"]);

        var malformed = await admin.PostAsync("/api/v1/regulators", new { name = "赵", mobile = TestData.Mobile(), organisation = "住建局", jurisdictions = new[] { "鄞州 区!" } });
        (await malformed.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed")).FieldCodes("jurisdictions[0]")
            .ShouldBe(["personnel.jurisdiction_code"]);
    }

    [Fact]
    public async Task Only_the_admin_creates_regulators()
    {
        var firm = await host.NewFirmAsync();

        await (await firm.Client.PostAsync("/api/v1/regulators", new { name = "赵", mobile = TestData.Mobile(), organisation = "住建局", jurisdictions = new[] { "330212" } }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
        await (await firm.Client.GetAsync("/api/v1/regulators")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
    }

    [Fact]
    public async Task The_admin_reads_any_accounts_history()
    {
        var firm = await host.NewFirmAsync();
        using var admin = await host.SignedInAdminAsync();

        var history = await (await admin.GetAsync($"/api/v1/accounts/{firm.AccountId}/history")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        history.AsArray()[0]!.Str("type").ShouldBe("personnel.enterprise_account_registered");
    }
}
