using System.Net;
using PileRig.Modules.Tests.Fixture;
using Shouldly;
using Xunit;

namespace PileRig.Modules.Projects.Tests;

public sealed class JurisdictionTests(PileRigHost host)
{
    [Fact]
    public async Task Ningbos_ten_divisions_and_its_functional_zones_are_seeded_in_both_languages()
    {
        using var chinese = host.NewClient();
        using var english = host.NewClient("en");

        var zh = (await (await chinese.GetAsync("/api/v1/jurisdictions")).ShouldHaveStatusAsync(HttpStatusCode.OK)).AsArray();
        var en = (await (await english.GetAsync("/api/v1/jurisdictions")).ShouldHaveStatusAsync(HttpStatusCode.OK)).AsArray();

        var counties = zh.Where(j => j!.Str("kind") == "county").Select(j => j!.Str("code")).ToList();
        counties.ShouldBe(["330203", "330205", "330206", "330211", "330212", "330213", "330225", "330226", "330281", "330282"], ignoreOrder: true);
        zh.Count(j => j!.Str("kind") == "functional_zone").ShouldBeGreaterThanOrEqualTo(5);
        zh.Single(j => j!.Str("code") == "330212")!.Str("name").ShouldBe("鄞州区");
        en.Single(j => j!.Str("code") == "330212")!.Str("name").ShouldBe("Yinzhou District");
        zh.Single(j => j!.Str("code") == "nb-city")!.Str("name").ShouldBe("市本级");
    }

    [Fact]
    public async Task The_admin_adds_and_retires_a_jurisdiction_which_is_then_no_longer_offered_but_keeps_its_projects()
    {
        using var admin = await host.SignedInAdminAsync();
        var code = "nb-test-" + Guid.NewGuid().ToString("N")[..6];
        await (await admin.PostAsync("/api/v1/jurisdictions", new { code, nameZh = "测试功能区", nameEn = "Test Zone", kind = "functional_zone" }))
            .ShouldHaveStatusAsync(HttpStatusCode.Created);
        await (await admin.PostAsync("/api/v1/jurisdictions", new { code, nameZh = "重复", nameEn = "Again", kind = "functional_zone" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "projects.jurisdiction_code_taken");

        var firm = await host.NewFirmAsync();
        var project = await firm.Client.RegisterProjectAsync(ProjectScenarios.NewProject(jurisdiction: code));

        var retired = await (await admin.PostAsync($"/api/v1/jurisdictions/{code}/retire", new { reason = "区划调整" })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        retired["current"]!.GetValue<bool>().ShouldBeFalse();
        retired.Str("validTo").ShouldNotBeNullOrEmpty();

        var offered = (await (await admin.GetAsync("/api/v1/jurisdictions")).ShouldHaveStatusAsync(HttpStatusCode.OK)).AsArray();
        offered.Select(j => j!.Str("code")).ShouldNotContain(code);
        var everything = (await (await admin.GetAsync("/api/v1/jurisdictions?includeRetired=true")).ShouldHaveStatusAsync(HttpStatusCode.OK)).AsArray();
        everything.Select(j => j!.Str("code")).ShouldContain(code);

        var refused = await firm.Client.PostAsync("/api/v1/projects", ProjectScenarios.NewProject(jurisdiction: code));
        (await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed")).FieldCodes("jurisdictionCode")
            .ShouldBe(["projects.unknown_jurisdiction"]);
        var kept = await (await firm.Client.GetAsync($"/api/v1/projects/{project.Id("projectId")}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        kept.Str("jurisdictionCode").ShouldBe(code);
        await (await admin.PostAsync($"/api/v1/jurisdictions/{code}/retire", new { reason = "again" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "projects.jurisdiction_retired");
    }

    [Fact]
    public async Task Only_the_admin_changes_the_list()
    {
        var firm = await host.NewFirmAsync();

        await (await firm.Client.PostAsync("/api/v1/jurisdictions", new { code = "nb-x1", nameZh = "x", nameEn = "x", kind = "county" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
        await (await firm.Client.PostAsync("/api/v1/jurisdictions/330212/retire", new { reason = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
    }

    [Fact]
    public async Task A_regulator_can_only_be_bound_to_jurisdictions_on_the_list()
    {
        using var admin = await host.SignedInAdminAsync();

        var response = await admin.PostAsync("/api/v1/regulators",
            new { name = "赵", mobile = TestData.Mobile(), organisation = "住建局", jurisdictions = new[] { "330212", "330299" } });

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed")).FieldCodes("jurisdictions[1]")
            .ShouldBe(["personnel.unknown_jurisdiction"]);
    }
}
