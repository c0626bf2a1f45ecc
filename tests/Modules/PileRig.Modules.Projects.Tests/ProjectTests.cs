using System.Net;
using PileRig.Modules.Tests.Fixture;
using Shouldly;
using Xunit;

namespace PileRig.Modules.Projects.Tests;

public sealed class ProjectTests(PileRigHost host)
{
    [Theory]
    [InlineData("330212202403150101", true)]     // 2024-03-15 is a real date
    [InlineData("330212202402290101", true)]     // a leap day
    [InlineData("330212202402300101", false)]    // 2024-02-30 is not
    [InlineData("330212202313010101", false)]    // month 13
    [InlineData("330212202403150101-01", true)]  // sub-permit suffix
    [InlineData("330212202403150101J", true)]
    [InlineData("33021220240315010", false)]     // 17 digits
    [InlineData("3302122024031501011", false)]   // 19 digits
    public async Task The_construction_permit_number_is_18_digits_around_a_real_date(string permit, bool accepted)
    {
        var firm = await host.NewFirmAsync();

        var response = await firm.Client.PostAsync("/api/v1/projects", ProjectScenarios.NewProject(permit: permit));

        if (accepted)
        {
            (await response.ShouldHaveStatusAsync(HttpStatusCode.Created)).Str("constructionPermitNumber").ShouldBe(permit);
        }
        else
        {
            (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed")).FieldCodes("constructionPermitNumber")
                .ShouldBe(["projects.permit_number_format"]);
        }
    }

    [Theory]
    [InlineData("2101-330203-04-01-123456", true)]
    [InlineData("2101-33020-04-01-123456", false)]
    [InlineData("2101330203040112345", false)]
    public async Task The_investment_project_code_alone_is_enough_when_well_formed(string code, bool accepted)
    {
        var firm = await host.NewFirmAsync();

        var response = await firm.Client.PostAsync("/api/v1/projects", ProjectScenarios.NewProject(permit: null, investment: code));

        if (accepted)
        {
            (await response.ShouldHaveStatusAsync(HttpStatusCode.Created)).Str("investmentProjectCode").ShouldBe(code);
        }
        else
        {
            (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed")).FieldCodes("investmentProjectCode")
                .ShouldBe(["projects.investment_code_format"]);
        }
    }

    [Fact]
    public async Task A_project_needs_a_permit_number_or_an_investment_code()
    {
        var firm = await host.NewFirmAsync();

        var response = await firm.Client.PostAsync("/api/v1/projects", ProjectScenarios.NewProject(permit: " ", investment: null));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed")).FieldCodes("constructionPermitNumber")
            .ShouldBe(["projects.permit_or_investment_code_required"]);
    }

    [Fact]
    public async Task Piling_contractors_typed_with_any_comma_are_split_trimmed_and_deduplicated()
    {
        var firm = await host.NewFirmAsync();

        var project = await firm.Client.RegisterProjectAsync(ProjectScenarios.NewProject(contractors: "A,B，B、 ,C"));

        project["pilingContractors"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe(["A", "B", "C"]);
        var empty = await firm.Client.PostAsync("/api/v1/projects", ProjectScenarios.NewProject(contractors: " , ，、"));
        (await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed")).FieldCodes("pilingContractors")
            .ShouldBe(["projects.contractors_required"]);
    }

    [Fact]
    public async Task Only_the_firms_own_active_engineers_can_be_made_responsible()
    {
        var firm = await host.NewFirmAsync();
        var rival = await host.NewFirmAsync();
        var mine = await firm.CreateEngineerAsync();
        var disabled = await firm.CreateEngineerAsync();
        await (await firm.Client.PostAsync($"/api/v1/engineers/{disabled.AccountId}/disable", new { reason = "离职" })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var theirs = await rival.CreateEngineerAsync();

        (await firm.Client.RegisterProjectAsync(ProjectScenarios.NewProject([mine.AccountId])))["engineerIds"]!.AsArray()
            .Select(e => Guid.Parse(e!.GetValue<string>())).ShouldBe([mine.AccountId]);
        foreach (var wrong in new[] { theirs.AccountId, disabled.AccountId, firm.AccountId })
        {
            (await (await firm.Client.PostAsync("/api/v1/projects", ProjectScenarios.NewProject([wrong])))
                .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed")).FieldCodes("engineerIds").ShouldBe(["projects.engineer_not_in_firm"]);
        }
    }

    [Fact]
    public async Task Engineers_see_only_their_projects_the_firm_sees_all_and_nobody_sees_another_firms()
    {
        var firm = await host.NewFirmAsync();
        var (alice, aliceAccount) = await host.NewActiveEngineerAsync(firm);
        var (bob, _) = await host.NewActiveEngineerAsync(firm);
        var alicesProject = await firm.Client.RegisterProjectAsync(ProjectScenarios.NewProject([aliceAccount.AccountId]));
        var bobsOwn = await bob.RegisterProjectAsync(ProjectScenarios.NewProject());
        var rival = await host.NewFirmAsync();

        (await Ids(alice)).ShouldBe([alicesProject.Id("projectId")]);
        (await Ids(bob)).ShouldBe([bobsOwn.Id("projectId")]);
        (await Ids(firm.Client)).ShouldBe([bobsOwn.Id("projectId"), alicesProject.Id("projectId")], ignoreOrder: true);
        (await Ids(rival.Client)).ShouldBeEmpty();

        await (await bob.GetAsync($"/api/v1/projects/{alicesProject.Id("projectId")}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "projects.not_found");
        await (await rival.Client.GetAsync($"/api/v1/projects/{alicesProject.Id("projectId")}/history")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "projects.not_found");
        await (await rival.Client.PutAsync($"/api/v1/projects/{alicesProject.Id("projectId")}/engineers", new { engineerIds = Array.Empty<Guid>() }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "projects.not_found");
    }

    [Fact]
    public async Task A_rig_owner_cannot_register_projects()
    {
        var owner = await host.NewOwnerAsync();

        await (await owner.Client.PostAsync("/api/v1/projects", ProjectScenarios.NewProject())).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
    }

    [Fact]
    public async Task Edits_and_engineer_changes_are_events_with_who_and_why_and_a_completed_project_is_read_only()
    {
        var firm = await host.NewFirmAsync();
        var (engineer, account) = await host.NewActiveEngineerAsync(firm);
        var project = await engineer.RegisterProjectAsync(ProjectScenarios.NewProject());
        var id = project.Id("projectId");
        var other = await firm.CreateEngineerAsync("周工");

        var edited = ProjectScenarios.NewProject(permit: null, investment: "2101-330203-04-01-123456", contractors: "甲公司，乙公司");
        var body = System.Text.Json.JsonSerializer.SerializeToNode(edited)!.AsObject();
        body["reason"] = "补充发改编号";
        await (await engineer.PutAsync($"/api/v1/projects/{id}", body)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await firm.Client.PutAsync($"/api/v1/projects/{id}/engineers", new { engineerIds = new[] { account.AccountId, other.AccountId }, reason = "增加人员" }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);

        var history = (await (await firm.Client.GetAsync($"/api/v1/projects/{id}/history")).ShouldHaveStatusAsync(HttpStatusCode.OK)).AsArray();
        history.Select(e => e!.Str("type")).ShouldBe(["projects.project_registered", "projects.project_details_edited", "projects.project_engineers_changed"]);
        history[1]!.Id("accountId").ShouldBe(account.AccountId);
        history[1]!["data"]!.Str("reason").ShouldBe("补充发改编号");
        history[2]!.Id("accountId").ShouldBe(firm.AccountId);
        history[2]!["data"]!["added"]!.AsArray().Select(a => Guid.Parse(a!.GetValue<string>())).ShouldBe([other.AccountId]);

        await (await firm.Client.PostAsync($"/api/v1/projects/{id}/complete", new { reason = "桩基完工" })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await engineer.PutAsync($"/api/v1/projects/{id}", ProjectScenarios.NewProject())).ShouldBeProblemAsync(HttpStatusCode.Conflict, "projects.completed");
        var completed = await (await firm.Client.GetAsync("/api/v1/projects?status=completed")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        completed.AsArray().Select(p => p!.Id("projectId")).ShouldBe([id]);
    }

    [Fact]
    public async Task A_projects_state_at_a_past_moment_is_replayed_from_its_events()
    {
        var firm = await host.NewFirmAsync();
        var project = await firm.Client.RegisterProjectAsync(ProjectScenarios.NewProject(contractors: "甲公司"));
        var id = project.Id("projectId");
        var before = DateTimeOffset.Parse(project.Str("createdAt"), System.Globalization.CultureInfo.InvariantCulture).AddSeconds(-5);
        var afterRegistration = DateTimeOffset.UtcNow;
        var edited = System.Text.Json.JsonSerializer.SerializeToNode(ProjectScenarios.NewProject(contractors: "乙公司"))!.AsObject();
        edited["reason"] = "更换分包";
        await (await firm.Client.PutAsync($"/api/v1/projects/{id}", edited)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var then = await (await firm.Client.GetAsync($"/api/v1/projects/{id}/state?at={Uri.EscapeDataString(afterRegistration.ToString("o"))}"))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        var now = await (await firm.Client.GetAsync($"/api/v1/projects/{id}/state?at={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddSeconds(5).ToString("o"))}"))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);

        then["pilingContractors"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe(["甲公司"]);
        now["pilingContractors"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe(["乙公司"]);
        await (await firm.Client.GetAsync($"/api/v1/projects/{id}/state?at={Uri.EscapeDataString(before.ToString("o"))}"))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "projects.not_yet_registered");
    }

    private static async Task<List<Guid>> Ids(ApiClient client) =>
        (await (await client.GetAsync("/api/v1/projects")).ShouldHaveStatusAsync(HttpStatusCode.OK)).AsArray().Select(p => p!.Id("projectId")).ToList();
}
