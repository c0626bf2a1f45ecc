using System.Net;
using PileRig.Modules.Tests.Fixture;
using Shouldly;
using Xunit;

namespace PileRig.Modules.EquipmentRegistry.Tests;

public sealed class UsageRegistrationTests(PileRigHost host)
{
    [Fact]
    public async Task Every_structural_component_must_be_scanned_before_entry_and_the_missing_ones_are_listed()
    {
        var s = await SupervisionScenario.CreateAsync(host);
        var verification = (await SupervisionScenario.StartAsync(s.Engineer, s.ProjectId, s.BaseUnitUrl)).Id("verificationId");
        await (await SupervisionScenario.ScanAsync(s.Engineer, verification, s.Components("mast_section").First()["code"]!.Str("url"))).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var refused = await SupervisionScenario.RegisterAsync(s.Engineer, verification);
        (await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "equipment_registry.structural_components_missing")).Str("detail").ShouldContain("B-01");

        await (await SupervisionScenario.ScanAsync(s.Engineer, verification, s.Components("brace").Single()["code"]!.Str("url"))).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var usage = await (await SupervisionScenario.RegisterAsync(s.Engineer, verification)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        usage.Id("projectId").ShouldBe(s.ProjectId);
        usage.Id("verificationId").ShouldBe(verification);
        usage.Str("status").ShouldBe("in_use");
    }

    [Theory]
    [InlineData(33.6, "equipment_registry.height_over_rated")]
    [InlineData(0, "validation.failed")]
    [InlineData(30.25, "validation.failed")]
    public async Task The_installed_height_is_above_zero_with_one_decimal_and_at_most_the_rated_height(double height, string code)
    {
        var s = await SupervisionScenario.CreateAsync(host);
        var verification = await s.VerifiedAsync();

        var refused = await SupervisionScenario.RegisterAsync(s.Engineer, verification, (decimal)height);

        var problem = await refused.ShouldBeProblemAsync(code == "validation.failed" ? HttpStatusCode.BadRequest : HttpStatusCode.Conflict, code);
        if (code != "validation.failed")
        {
            problem["args"]!["limit"]!.GetValue<decimal>().ShouldBe(33.5m);
        }

        // Exactly at the limit passes (the refusal wrote nothing, so the same verification still serves).
        await (await SupervisionScenario.RegisterAsync(s.Engineer, verification, 33.5m)).ShouldHaveStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_city_cap_for_the_rig_type_applies_below_the_rated_height_and_is_named()
    {
        var owner = await host.NewOwnerAsync();
        var s = await SupervisionScenario.CreateAsync(host, await owner.NewRigAsync(typeCode: "rotary_drilling", ratedHeight: 40m), owner);
        var verification = await s.VerifiedAsync();

        var refused = await SupervisionScenario.RegisterAsync(s.Engineer, verification, 25.1m);

        (await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "equipment_registry.height_over_city_cap"))["args"]!["limit"]!.GetValue<decimal>().ShouldBe(25m);
        await (await SupervisionScenario.RegisterAsync(s.Engineer, verification, 25.0m)).ShouldHaveStatusAsync(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData(true, 3, "equipment_registry.power_heads_top_mounted")]
    [InlineData(true, 0, "equipment_registry.power_heads_top_mounted")]
    [InlineData(false, 2, "equipment_registry.power_heads_single")]
    public async Task Power_heads_are_one_or_two_when_top_mounted_and_exactly_one_otherwise(bool topMounted, int heads, string code)
    {
        var owner = await host.NewOwnerAsync();
        var s = await SupervisionScenario.CreateAsync(host, await owner.NewRigAsync(topMounted: topMounted, powerHeads: topMounted ? 2 : 1), owner);
        var verification = await s.VerifiedAsync();

        await (await SupervisionScenario.RegisterAsync(s.Engineer, verification, heads: heads)).ShouldBeProblemAsync(HttpStatusCode.Conflict, code);

        await (await SupervisionScenario.RegisterAsync(s.Engineer, verification, heads: topMounted ? 2 : 1)).ShouldHaveStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_signed_entry_inspection_form_is_required_and_must_be_an_upload_of_the_engineer()
    {
        var s = await SupervisionScenario.CreateAsync(host);
        var verification = await s.VerifiedAsync();

        using var request = await s.Engineer.PostAsync($"/api/v1/verifications/{verification}/usage", new { installedHeightMetres = 30, powerHeadCount = 1 });
        (await request.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed")).FieldCodes("entryInspectionFormFileId").ShouldBe(["validation.required"]);
        var someoneElses = await s.Firm.Client.UploadPdfAsync();
        (await (await SupervisionScenario.RegisterAsync(s.Engineer, verification, form: someoneElses)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed"))
            .FieldCodes("entryInspectionFormFileId").ShouldBe(["files.unknown"]);
    }

    [Fact]
    public async Task Twenty_entries_of_one_rig_at_once_on_different_projects_exactly_one_wins_and_the_others_learn_where_it_is()
    {
        var s = await SupervisionScenario.CreateAsync(host);
        var contenders = new List<(ApiClient Client, Guid Verification, Guid Form)>();
        for (var i = 0; i < 4; i++)
        {
            var (engineer, projectId, _) = await s.AnotherProjectAsync();
            for (var j = 0; j < 5; j++)
            {
                contenders.Add((engineer, await s.VerifiedAsync(engineer, projectId), await engineer.UploadPdfAsync()));
            }
        }

        var responses = await Task.WhenAll(contenders.Select(c => SupervisionScenario.RegisterAsync(c.Client, c.Verification, form: c.Form)));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.Created).JsonAsync();
        foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            var problem = await loser.ShouldHaveStatusAsync(HttpStatusCode.Conflict);
            problem.Str("code").ShouldBeOneOf("equipment_registry.rig_in_use", "equipment_registry.rig_taken_concurrently");
            problem["args"]!.Id("projectId").ShouldBe(winner.Id("projectId"));
        }

        var history = (await (await s.Owner.Client.GetAsync($"/api/v1/rigs/{s.RigId}/history")).ShouldHaveStatusAsync(HttpStatusCode.OK)).AsArray();
        history.Count(e => e!.Str("type") == "equipment_registry.usage_registered").ShouldBe(1);
    }

    [Fact]
    public async Task A_rig_in_use_cannot_enter_another_project_until_its_exit_and_the_closed_record_is_read_only()
    {
        var s = await SupervisionScenario.CreateAsync(host);
        var usage = await (await SupervisionScenario.RegisterAsync(s.Engineer, await s.VerifiedAsync())).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var (elsewhere, otherProject, _) = await s.AnotherProjectAsync();
        var waiting = await s.VerifiedAsync(elsewhere, otherProject);

        var refused = await SupervisionScenario.RegisterAsync(elsewhere, waiting);
        (await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "equipment_registry.rig_in_use")).Str("detail").ShouldContain(s.ProjectName);
        await (await s.Owner.Client.PostAsync($"/api/v1/rigs/{s.RigId}/components", new { kind = "brace", serial = "B-09" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "equipment_registry.components_locked_in_use");

        var exited = await (await s.Engineer.PostAsync($"/api/v1/usages/{usage.Id("id")}/exit", new { note = "桩基完成，设备退场", photoFileIds = new[] { await s.PhotoAsync(s.Engineer) } }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        exited.Str("status").ShouldBe("exited");
        exited.Id("exitedBy").ShouldBe(s.EngineerAccount.AccountId);
        await (await s.Engineer.PostAsync($"/api/v1/usages/{usage.Id("id")}/exit", new { note = "again" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "equipment_registry.usage_closed");

        await (await SupervisionScenario.RegisterAsync(elsewhere, waiting)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var rigUsages = (await (await s.Owner.Client.GetAsync($"/api/v1/rigs/{s.RigId}/usages")).ShouldHaveStatusAsync(HttpStatusCode.OK)).AsArray();
        rigUsages.Select(u => u!.Str("status")).ShouldBe(["in_use", "exited"]);
    }

    [Fact]
    public async Task A_project_counts_its_rigs_in_use_at_once_and_completes_only_when_none_is_in_use()
    {
        var s = await SupervisionScenario.CreateAsync(host);
        var usage = await (await SupervisionScenario.RegisterAsync(s.Engineer, await s.VerifiedAsync())).ShouldHaveStatusAsync(HttpStatusCode.Created);

        // Right after the entry, with no waiting: the count comes from the registry's usage records, written with the entry.
        (await (await s.Firm.Client.GetAsync($"/api/v1/projects/{s.ProjectId}")).ShouldHaveStatusAsync(HttpStatusCode.OK))["rigsInUse"]!
            .GetValue<int>().ShouldBe(1);
        await (await s.Firm.Client.PostAsync($"/api/v1/projects/{s.ProjectId}/complete", new { reason = "完工" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "projects.rigs_in_use");

        await (await s.Engineer.PostAsync($"/api/v1/usages/{usage.Id("id")}/exit", new { note = "退场" })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var done = await (await s.Firm.Client.PostAsync($"/api/v1/projects/{s.ProjectId}/complete", new { reason = "完工" }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        done["rigsInUse"]!.GetValue<int>().ShouldBe(0);
        done.Str("status").ShouldBe("completed");

        var history = (await (await s.Firm.Client.GetAsync($"/api/v1/projects/{s.ProjectId}/history")).ShouldHaveStatusAsync(HttpStatusCode.OK)).AsArray()
            .Select(e => e!.Str("type")).ToList();
        history.ShouldBe(["projects.project_registered", "projects.project_completed"]);
    }

    [Fact]
    public async Task A_retried_entry_with_the_same_idempotency_key_returns_the_first_answer_and_writes_nothing_new()
    {
        var s = await SupervisionScenario.CreateAsync(host);
        var verification = await s.VerifiedAsync();
        var form = await s.Engineer.UploadPdfAsync();
        var key = Guid.NewGuid().ToString();

        var first = await (await SupervisionScenario.RegisterAsync(s.Engineer, verification, form: form, idempotencyKey: key)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var retried = await SupervisionScenario.RegisterAsync(s.Engineer, verification, form: form, idempotencyKey: key);
        var again = await retried.ShouldHaveStatusAsync(HttpStatusCode.Created);

        again.Id("id").ShouldBe(first.Id("id"));
        retried.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        var history = (await (await s.Owner.Client.GetAsync($"/api/v1/rigs/{s.RigId}/history")).ShouldHaveStatusAsync(HttpStatusCode.OK)).AsArray();
        history.Count(e => e!.Str("type") == "equipment_registry.usage_registered").ShouldBe(1);
        await (await SupervisionScenario.RegisterAsync(s.Engineer, verification, height: 31m, form: form, idempotencyKey: key))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "idempotency.key_reused");
    }
}
