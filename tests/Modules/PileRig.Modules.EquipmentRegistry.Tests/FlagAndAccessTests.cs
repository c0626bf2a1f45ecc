using System.Net;
using PileRig.Modules.Tests.Fixture;
using Shouldly;
using Xunit;

namespace PileRig.Modules.EquipmentRegistry.Tests;

public sealed class FlagAndAccessTests(PileRigHost host)
{
    [Fact]
    public async Task A_flag_suspends_the_rig_and_its_use_blocks_entry_elsewhere_and_a_regulators_clear_resumes_the_use()
    {
        var s = await SupervisionScenario.CreateAsync(host);
        var usage = await (await SupervisionScenario.RegisterAsync(s.Engineer, await s.VerifiedAsync())).ShouldHaveStatusAsync(HttpStatusCode.Created);

        var flagged = await (await s.Engineer.PostAsync($"/api/v1/rigs/{s.RigId}/flags", new
        {
            projectId = s.ProjectId, category = "cloned", reason = "铭牌与合格证不符，疑似套牌", photoFileIds = new[] { await s.PhotoAsync(s.Engineer) },
        })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        flagged.Str("status").ShouldBe("suspended");
        var ownersView = await (await s.Owner.Client.GetAsync($"/api/v1/rigs/{s.RigId}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        ownersView.Str("status").ShouldBe("suspended");
        ownersView["openFlags"]!.AsArray().Single()!.Str("category").ShouldBe("cloned");
        ownersView["usage"]!["suspended"]!.GetValue<bool>().ShouldBeTrue();

        var onProject = await (await s.Firm.Client.GetAsync($"/api/v1/projects/{s.ProjectId}/usages")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        onProject["items"]!.AsArray().Single()!.Str("status").ShouldBe("suspended");
        (await (await s.Firm.Client.GetAsync($"/api/v1/projects/{s.ProjectId}/usages?status=suspended")).ShouldHaveStatusAsync(HttpStatusCode.OK))["total"]!
            .GetValue<long>().ShouldBe(1);
        (await (await s.Firm.Client.GetAsync($"/api/v1/projects/{s.ProjectId}/usages?status=exited")).ShouldHaveStatusAsync(HttpStatusCode.OK))["total"]!
            .GetValue<long>().ShouldBe(0);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (await (await s.Firm.Client.GetAsync($"/api/v1/projects/{s.ProjectId}/usages?from={today}&to={today}")).ShouldHaveStatusAsync(HttpStatusCode.OK))["total"]!
            .GetValue<long>().ShouldBe(1);
        (await (await s.Firm.Client.GetAsync($"/api/v1/projects/{s.ProjectId}/usages?from={tomorrow}")).ShouldHaveStatusAsync(HttpStatusCode.OK))["total"]!
            .GetValue<long>().ShouldBe(0);
        await (await s.Firm.Client.GetAsync($"/api/v1/projects/{s.ProjectId}/usages?status=gone")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        var (elsewhere, otherProject, _) = await s.AnotherProjectAsync();
        var view = await SupervisionScenario.StartAsync(elsewhere, otherProject, s.BaseUnitUrl);
        view["status"]!.Str("state").ShouldBe("suspended");
        view["status"]!.Str("flagReason").ShouldBe("铭牌与合格证不符，疑似套牌");
        await (await s.Engineer.PostAsync($"/api/v1/usages/{usage.Id("id")}/exit", new { note = "x" })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var blocked = await SupervisionScenario.RegisterAsync(elsewhere, await s.VerifiedAsync(elsewhere, otherProject));
        (await blocked.ShouldBeProblemAsync(HttpStatusCode.Conflict, "equipment_registry.rig_suspended")).Str("detail").ShouldContain("疑似套牌");

        await (await s.Firm.Client.PostAsync($"/api/v1/rigs/{s.RigId}/flags/{flagged.Id("flagId")}/clear", new { reason = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
        using var admin = await host.SignedInAdminAsync();
        var cleared = await (await admin.PostAsync($"/api/v1/rigs/{s.RigId}/flags/{flagged.Id("flagId")}/clear", new { reason = "核查后确认为原厂铭牌" }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        cleared.Str("status").ShouldBe("free");
        await (await SupervisionScenario.RegisterAsync(elsewhere, await s.VerifiedAsync(elsewhere, otherProject))).ShouldHaveStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Clearing_the_flag_of_a_rig_still_in_use_resumes_that_use()
    {
        var s = await SupervisionScenario.CreateAsync(host);
        var usage = await (await SupervisionScenario.RegisterAsync(s.Engineer, await s.VerifiedAsync())).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var flagged = await (await s.Firm.Client.PostAsync($"/api/v1/rigs/{s.RigId}/flags", new
        {
            projectId = s.ProjectId, category = "unqualified", reason = "斜撑焊缝开裂", photoFileIds = new[] { await s.PhotoAsync(s.Firm.Client) },
        })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        using var admin = await host.SignedInAdminAsync();

        await (await admin.PostAsync($"/api/v1/rigs/{s.RigId}/flags/{flagged.Id("flagId")}/clear", new { reason = "已更换斜撑并复检合格" })).ShouldHaveStatusAsync(HttpStatusCode.OK);

        (await (await s.Firm.Client.GetAsync($"/api/v1/usages/{usage.Id("id")}")).ShouldHaveStatusAsync(HttpStatusCode.OK)).Str("status").ShouldBe("in_use");
        var history = (await (await s.Owner.Client.GetAsync($"/api/v1/rigs/{s.RigId}/history")).ShouldHaveStatusAsync(HttpStatusCode.OK)).AsArray();
        history.Select(e => e!.Str("type")).ShouldBe(["equipment_registry.rig_registered", "equipment_registry.usage_registered",
            "equipment_registry.rig_flagged", "equipment_registry.flag_cleared"]);
        history[2]!.Id("accountId").ShouldBe(s.Firm.AccountId);
        history[2]!["data"]!.Str("reason").ShouldBe("斜撑焊缝开裂");
        history[3]!.Str("username").ShouldBe(PileRigHost.AdminUsername);
        history.ShouldAllBe(e => e!.Str("client") == "api" && e!.Str("userAgent").Contains("PileRig-Tests", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_a_regulator_of_the_projects_jurisdiction_clears_its_flag()
    {
        var s = await SupervisionScenario.CreateAsync(host);
        await s.VerifiedAsync();
        var flagged = await (await s.Engineer.PostAsync($"/api/v1/rigs/{s.RigId}/flags", new
        {
            projectId = s.ProjectId, category = "false_information", reason = "合格证编号与铭牌不一致", photoFileIds = new[] { await s.PhotoAsync(s.Engineer) },
        })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        using var haishu = await host.NewRegulatorAsync("330203");
        using var yinzhou = await host.NewRegulatorAsync(ProjectScenarios.Jurisdiction);

        await (await haishu.PostAsync($"/api/v1/rigs/{s.RigId}/flags/{flagged.Id("flagId")}/clear", new { reason = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "equipment_registry.not_your_jurisdiction");
        (await (await yinzhou.PostAsync($"/api/v1/rigs/{s.RigId}/flags/{flagged.Id("flagId")}/clear", new { reason = "现场复核信息一致" }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK)).Str("status").ShouldBe("free");
    }

    [Fact]
    public async Task A_regulator_sees_the_rigs_used_in_its_jurisdictions_and_none_of_the_others()
    {
        var s = await SupervisionScenario.CreateAsync(host);
        var idle = await s.Owner.RegisterRigAsync(await s.Owner.NewRigAsync());
        using var yinzhou = await host.NewRegulatorAsync(ProjectScenarios.Jurisdiction);
        using var haishu = await host.NewRegulatorAsync("330203");
        await (await yinzhou.GetAsync($"/api/v1/rigs/{s.RigId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "equipment_registry.rig_not_found");

        await (await SupervisionScenario.RegisterAsync(s.Engineer, await s.VerifiedAsync())).ShouldHaveStatusAsync(HttpStatusCode.Created);

        var seen = (await yinzhou.ItemsAsync("/api/v1/rigs?pageSize=200")).Select(r => r!.Id("rigId")).ToList();
        seen.ShouldContain(s.RigId);
        seen.ShouldNotContain(idle.Id("rigId"));
        await (await yinzhou.GetAsync($"/api/v1/rigs/{s.RigId}/history")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await yinzhou.GetAsync($"/api/v1/projects/{s.ProjectId}/usages")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await haishu.ItemsAsync("/api/v1/rigs?pageSize=200")).Select(r => r!.Id("rigId")).ShouldNotContain(s.RigId);
        await (await haishu.GetAsync($"/api/v1/rigs/{s.RigId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "equipment_registry.rig_not_found");
        await (await haishu.GetAsync($"/api/v1/rigs/{s.RigId}/history")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "equipment_registry.rig_not_found");
        await (await haishu.GetAsync($"/api/v1/projects/{s.ProjectId}/usages")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "equipment_registry.not_project_supervisor");
        await (await haishu.GetAsync($"/api/v1/projects/{s.ProjectId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "projects.not_found");

        // A forged scan during a verification of this rig is the Yinzhou regulator's business, not Haishu's.
        var verification = (await SupervisionScenario.StartAsync(s.Engineer, s.ProjectId, s.BaseUnitUrl)).Id("verificationId");
        var forged = "C1234567890.1ABCDEFGHJK";
        await (await SupervisionScenario.ScanAsync(s.Engineer, verification, forged)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "equipment_registry.code_not_issued");
        (await yinzhou.EventuallyItemsAsync("/api/v1/scan-attempts?pageSize=200", items => items.Any(a => a!.Str("scanned") == forged)))
            .Select(a => a!.Str("scanned")).ShouldContain(forged);
        (await haishu.ItemsAsync("/api/v1/scan-attempts?pageSize=200")).Select(a => a!.Str("scanned")).ShouldNotContain(forged);
    }

    [Fact]
    public async Task A_regulators_spot_check_is_recorded_on_the_rig_and_lets_it_flag_the_rig_itself()
    {
        var owner = await host.NewOwnerAsync();
        var rig = await owner.RegisterRigAsync(await owner.NewRigAsync());
        var rigId = rig.Id("rigId");
        using var yinzhou = await host.NewRegulatorAsync(ProjectScenarios.Jurisdiction);
        using var haishu = await host.NewRegulatorAsync("330203");

        await (await yinzhou.PostAsync("/api/v1/spot-checks", new { scanned = rig["baseUnit"]!.Str("url"), jurisdictionCode = "330203" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        await (await yinzhou.PostAsync("/api/v1/spot-checks", new { scanned = "R0000000000.10000000000" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "equipment_registry.code_not_issued");
        var checkedRig = await (await yinzhou.PostAsync("/api/v1/spot-checks", new { scanned = rig["baseUnit"]!.Str("url") })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        checkedRig["rig"]!.Id("rigId").ShouldBe(rigId);
        (await yinzhou.ItemsAsync("/api/v1/rigs?pageSize=200")).Select(r => r!.Id("rigId")).ShouldContain(rigId);

        var photo = (await (await yinzhou.UploadAsync(TestFiles.Jpeg, "plate.jpg")).ShouldHaveStatusAsync(HttpStatusCode.Created)).Id("id");
        await (await haishu.PostAsync($"/api/v1/rigs/{rigId}/flags", new { category = "cloned", reason = "x", photoFileIds = new[] { photo } }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "equipment_registry.rig_not_found");
        var flagged = await (await yinzhou.PostAsync($"/api/v1/rigs/{rigId}/flags", new { category = "cloned", reason = "抽查发现铭牌钢印被打磨", photoFileIds = new[] { photo } }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        flagged.Str("status").ShouldBe("suspended");

        var history = (await (await owner.Client.GetAsync($"/api/v1/rigs/{rigId}/history")).ShouldHaveStatusAsync(HttpStatusCode.OK)).AsArray();
        history.Select(e => e!.Str("type")).ShouldBe(["equipment_registry.rig_registered", "equipment_registry.rig_spot_checked", "equipment_registry.rig_flagged"]);
        history[1]!.Str("username").ShouldNotBeNullOrEmpty();
        history[1]!["data"]!.Str("jurisdictionCode").ShouldBe(ProjectScenarios.Jurisdiction);
        history[2]!["data"]!.Str("jurisdictionCode").ShouldBe(ProjectScenarios.Jurisdiction);
    }

    [Fact]
    public async Task The_rigs_state_at_any_past_moment_is_replayed_from_its_events()
    {
        var s = await SupervisionScenario.CreateAsync(host);
        var beforeRegistration = DateTimeOffset.Parse(s.Rig.Str("registeredAt"), System.Globalization.CultureInfo.InvariantCulture).AddSeconds(-5);
        var usage = await (await SupervisionScenario.RegisterAsync(s.Engineer, await s.VerifiedAsync())).ShouldHaveStatusAsync(HttpStatusCode.Created);
        await Task.Delay(20);
        var whileInUse = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        var flagged = await (await s.Engineer.PostAsync($"/api/v1/rigs/{s.RigId}/flags", new
        {
            projectId = s.ProjectId, category = "unqualified", reason = "主卷扬钢丝绳断股", photoFileIds = new[] { await s.PhotoAsync(s.Engineer) },
        })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await Task.Delay(20);
        var whileSuspended = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        using var admin = await host.SignedInAdminAsync();
        await (await admin.PostAsync($"/api/v1/rigs/{s.RigId}/flags/{flagged.Id("flagId")}/clear", new { reason = "已更换钢丝绳" })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await s.Engineer.PostAsync($"/api/v1/usages/{usage.Id("id")}/exit", new { note = "退场" })).ShouldHaveStatusAsync(HttpStatusCode.OK);

        async Task<System.Text.Json.Nodes.JsonNode> At(DateTimeOffset at) =>
            await (await admin.GetAsync($"/api/v1/rigs/{s.RigId}/state?at={Uri.EscapeDataString(at.ToString("o"))}")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var inUse = await At(whileInUse);
        inUse.Str("status").ShouldBe("in_use");
        inUse["usage"]!.Id("projectId").ShouldBe(s.ProjectId);
        var suspended = await At(whileSuspended);
        suspended.Str("status").ShouldBe("suspended");
        suspended["openFlags"]!.AsArray().Single()!.Str("reason").ShouldBe("主卷扬钢丝绳断股");
        (await At(DateTimeOffset.UtcNow.AddSeconds(5))).Str("status").ShouldBe("free");
        await (await admin.GetAsync($"/api/v1/rigs/{s.RigId}/state?at={Uri.EscapeDataString(beforeRegistration.ToString("o"))}"))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "equipment_registry.not_yet_registered");
    }

    [Fact]
    public async Task The_public_page_says_where_a_rig_is_in_use_and_why_it_is_suspended_by_category_only()
    {
        var s = await SupervisionScenario.CreateAsync(host);
        await (await SupervisionScenario.RegisterAsync(s.Engineer, await s.VerifiedAsync())).ShouldHaveStatusAsync(HttpStatusCode.Created);
        using var phone = host.NewClient();
        var path = new Uri(s.BaseUnitUrl).PathAndQuery;

        var inUse = await (await phone.GetAsync(path)).Content.ReadAsStringAsync();
        inUse.ShouldContain("使用中");
        inUse.ShouldContain(s.ProjectName);
        inUse.ShouldContain("多轴搅拌桩机");
        inUse.ShouldContain("0574-87001234");

        await (await s.Engineer.PostAsync($"/api/v1/rigs/{s.RigId}/flags", new
        {
            projectId = s.ProjectId, category = "cloned", reason = "举报人王某称铭牌系伪造", photoFileIds = new[] { await s.PhotoAsync(s.Engineer) },
        })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var suspended = await (await phone.GetAsync(path)).Content.ReadAsStringAsync();

        suspended.ShouldContain("暂停使用");
        suspended.ShouldContain("套牌");
        suspended.ShouldNotContain("举报人王某");
        suspended.ShouldNotContain(s.EngineerAccount.Mobile);
        suspended.ShouldNotContain(s.EngineerAccount.Name);
    }

    [Fact]
    public async Task A_flag_needs_a_reason_and_at_least_one_photo()
    {
        var s = await SupervisionScenario.CreateAsync(host);
        await s.VerifiedAsync();

        var problem = await (await s.Engineer.PostAsync($"/api/v1/rigs/{s.RigId}/flags", new { projectId = s.ProjectId, category = "other", reason = "", photoFileIds = Array.Empty<Guid>() }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        problem.FieldCodes("reason").ShouldBe(["validation.required"]);
        problem.FieldCodes("photoFileIds").ShouldBe(["equipment_registry.photos_required"]);
    }

    [Fact]
    public async Task Another_firms_engineer_an_unassigned_engineer_and_a_rig_owner_are_refused_everywhere_and_nothing_is_written()
    {
        var s = await SupervisionScenario.CreateAsync(host);
        var verification = await s.VerifiedAsync();
        var (outsider, _, _) = await s.AnotherProjectAsync();
        var (unassigned, _) = await host.NewActiveEngineerAsync(s.Firm);
        var form = await outsider.UploadPdfAsync();
        var photo = await s.PhotoAsync(outsider);

        foreach (var client in new[] { outsider, unassigned })
        {
            await (await client.PostAsync($"/api/v1/projects/{s.ProjectId}/verifications", new { scanned = s.BaseUnitUrl }))
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "equipment_registry.not_project_supervisor");
            await (await SupervisionScenario.ScanAsync(client, verification, s.Components("brace").Single()["code"]!.Str("url")))
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "equipment_registry.not_project_supervisor");
            await (await SupervisionScenario.RegisterAsync(client, verification, form: client == outsider ? form : null))
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "equipment_registry.not_project_supervisor");
            await (await client.PostAsync($"/api/v1/rigs/{s.RigId}/flags", new { projectId = s.ProjectId, category = "other", reason = "x", photoFileIds = new[] { photo } }))
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "equipment_registry.not_project_supervisor");
            await (await client.GetAsync($"/api/v1/projects/{s.ProjectId}/usages")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "equipment_registry.not_project_supervisor");
        }

        await (await s.Owner.Client.PostAsync($"/api/v1/projects/{s.ProjectId}/verifications", new { scanned = s.BaseUnitUrl }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
        var history = (await (await s.Owner.Client.GetAsync($"/api/v1/rigs/{s.RigId}/history")).ShouldHaveStatusAsync(HttpStatusCode.OK)).AsArray();
        history.Select(e => e!.Str("type")).ShouldBe(["equipment_registry.rig_registered"]);
    }

    [Fact]
    public async Task The_firm_and_its_engineers_read_the_history_of_a_rig_registered_on_their_project_and_no_other_firm_does()
    {
        var s = await SupervisionScenario.CreateAsync(host);
        await (await s.Engineer.GetAsync($"/api/v1/rigs/{s.RigId}/history")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "equipment_registry.rig_not_found");
        await (await SupervisionScenario.RegisterAsync(s.Engineer, await s.VerifiedAsync())).ShouldHaveStatusAsync(HttpStatusCode.Created);

        var history = (await (await s.Engineer.GetAsync($"/api/v1/rigs/{s.RigId}/history")).ShouldHaveStatusAsync(HttpStatusCode.OK)).AsArray();
        history.Select(e => e!.Str("type")).ShouldContain("equipment_registry.usage_registered");
        (await (await s.Firm.Client.GetAsync($"/api/v1/rigs/{s.RigId}/usages")).ShouldHaveStatusAsync(HttpStatusCode.OK)).AsArray().Count.ShouldBe(1);
        var (otherEngineer, _, _) = await s.AnotherProjectAsync();
        await (await otherEngineer.GetAsync($"/api/v1/rigs/{s.RigId}/history")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "equipment_registry.rig_not_found");
    }
}
