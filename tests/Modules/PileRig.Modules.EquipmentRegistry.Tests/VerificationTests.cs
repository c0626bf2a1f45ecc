using System.Net;
using PileRig.Modules.Tests.Fixture;
using Shouldly;
using Xunit;

namespace PileRig.Modules.EquipmentRegistry.Tests;

public sealed class VerificationTests(PileRigHost host)
{
    [Fact]
    public async Task Scanning_the_base_unit_shows_everything_to_compare_with_the_papers_and_the_machine()
    {
        var s = await SupervisionScenario.CreateAsync(host);

        var view = await SupervisionScenario.StartAsync(s.Engineer, s.ProjectId, s.BaseUnitUrl);

        var rig = view["rig"]!;
        rig.Id("rigId").ShouldBe(s.RigId);
        rig.Id("ownerId").ShouldBe(s.Owner.EnterpriseId);
        foreach (var field in new[] { "typeCode", "maker", "model", "factorySerial", "manufactureDate", "certificateNumber", "certificateValidUntil" })
        {
            rig.Str(field).ShouldBe(s.Rig.Str(field), field);
        }

        rig["certificateFile"]!.Str("sha256").ShouldBe(s.Rig["certificateFile"]!.Str("sha256"));
        rig["ratedMaxHeightMetres"]!.GetValue<decimal>().ShouldBe(33.5m);
        rig["topMountedPowerHead"]!.GetValue<bool>().ShouldBeFalse();
        var components = view["components"]!.AsArray();
        components.Count.ShouldBe(4);
        components.ShouldAllBe(c => !c!["scanned"]!.GetValue<bool>());
        components.Single(c => c!.Str("kind") == "brace")!["structural"]!.GetValue<bool>().ShouldBeTrue();
        view["status"]!.Str("state").ShouldBe("free");
        view["warnings"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task The_bare_code_typed_by_hand_works_like_the_label_url()
    {
        var s = await SupervisionScenario.CreateAsync(host);
        var bare = s.BaseUnitUrl[(s.BaseUnitUrl.LastIndexOf('/') + 1)..].ToLowerInvariant();

        var view = await SupervisionScenario.StartAsync(s.Engineer, s.ProjectId, bare);

        view["rig"]!.Id("rigId").ShouldBe(s.RigId);
    }

    [Fact]
    public async Task A_component_of_this_rig_is_ticked_and_another_rigs_is_refused_naming_that_rig()
    {
        var s = await SupervisionScenario.CreateAsync(host);
        var other = await s.Owner.RegisterRigAsync(await s.Owner.NewRigAsync(maker: "三一重工"));
        var verification = (await SupervisionScenario.StartAsync(s.Engineer, s.ProjectId, s.BaseUnitUrl)).Id("verificationId");
        var brace = s.Components("brace").Single();

        var ticked = await (await SupervisionScenario.ScanAsync(s.Engineer, verification, brace["code"]!.Str("url"))).ShouldHaveStatusAsync(HttpStatusCode.OK);
        ticked["components"]!.AsArray().Single(c => c!.Id("componentId") == brace.Id("componentId"))!["scanned"]!.GetValue<bool>().ShouldBeTrue();

        var foreignBrace = other["components"]!.AsArray().Single(c => c!.Str("kind") == "brace")!;
        var refused = await SupervisionScenario.ScanAsync(s.Engineer, verification, foreignBrace["code"]!.Str("url"));
        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "equipment_registry.foreign_component");
        problem.Str("detail").ShouldContain("非本主机成套构件");
        problem.Str("detail").ShouldContain(other["baseUnit"]!.Str("itemCode"));
        problem["args"]!.Id("otherRigId").ShouldBe(other.Id("rigId"));
    }

    [Fact]
    public async Task A_forged_code_scanned_during_verification_is_refused_and_recorded_against_the_rig_for_the_regulator()
    {
        var s = await SupervisionScenario.CreateAsync(host);
        var verification = (await SupervisionScenario.StartAsync(s.Engineer, s.ProjectId, s.BaseUnitUrl)).Id("verificationId");
        var forged = "C" + s.Rig["components"]![0]!["code"]!.Str("itemCode")[1..] + ".1ABCDEFGHJK";

        await (await SupervisionScenario.ScanAsync(s.Engineer, verification, forged)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "equipment_registry.code_not_issued");

        using var admin = await host.SignedInAdminAsync();
        var attempts = await admin.EventuallyItemsAsync("/api/v1/scan-attempts?pageSize=200", items => items.Any(a => a!.Str("scanned") == forged));
        var attempt = attempts.Single(a => a!.Str("scanned") == forged)!;
        attempt.Id("accountId").ShouldBe(s.EngineerAccount.AccountId);
        attempt.Id("rigId").ShouldBe(s.RigId);
        (await (await s.Engineer.GetAsync($"/api/v1/verifications/{verification}")).ShouldHaveStatusAsync(HttpStatusCode.OK))["refusedScans"]!
            .GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Scanning_a_component_first_asks_for_the_base_unit()
    {
        var s = await SupervisionScenario.CreateAsync(host);

        var response = await s.Engineer.PostAsync($"/api/v1/projects/{s.ProjectId}/verifications", new { scanned = s.Components("brace").Single()["code"]!.Str("url") });

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed")).FieldCodes("scanned").ShouldBe(["equipment_registry.scan_base_unit_first"]);
    }

    [Fact]
    public async Task An_expired_certificate_and_a_rig_past_its_service_life_are_warned_about_and_refused_at_entry()
    {
        var owner = await host.NewOwnerAsync();
        var old = await SupervisionScenario.CreateAsync(host, await owner.NewRigAsync(manufactureDate: "2005-03-01", certificateValidUntil: "2021-01-01"), owner);

        var view = await SupervisionScenario.StartAsync(old.Engineer, old.ProjectId, old.BaseUnitUrl);
        view["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).ShouldBe(["certificate_expired", "past_service_life"], ignoreOrder: true);

        var verification = await old.VerifiedAsync();
        await (await SupervisionScenario.RegisterAsync(old.Engineer, verification)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "equipment_registry.certificate_expired");
    }

    [Fact]
    public async Task Scans_queued_without_a_signal_are_sent_together_and_each_is_answered_on_its_own()
    {
        var s = await SupervisionScenario.CreateAsync(host);
        var other = await SupervisionScenario.CreateAsync(host);
        var verification = (await SupervisionScenario.StartAsync(s.Engineer, s.ProjectId, s.BaseUnitUrl)).Id("verificationId");
        var brace = s.Components("brace").First()["code"]!.Str("url");
        var mast = s.Components("mast_section").First()["code"]!.Str("url");
        var foreign = other.Components("brace").First()["code"]!.Str("url");

        var answer = await (await s.Engineer.PostAsync($"/api/v1/verifications/{verification}/scans/batch",
            new { scanned = new[] { brace, foreign, mast, "C1234567890.1ABCDEFGHJK", brace } })).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var results = answer["results"]!.AsArray();
        results.Select(r => r!["accepted"]!.GetValue<bool>()).ShouldBe([true, false, true, false, true]);
        results[1]!.Str("code").ShouldBe("equipment_registry.foreign_component");
        results[1]!.Str("message").ShouldContain("非本主机成套构件");
        results[3]!.Str("code").ShouldBe("equipment_registry.code_not_issued");
        var view = answer["verification"]!;
        view["components"]!.AsArray().Where(c => c!["scanned"]!.GetValue<bool>()).Count().ShouldBe(2);
        view["refusedScans"]!.GetValue<int>().ShouldBe(2);

        var tooMany = await s.Engineer.PostAsync($"/api/v1/verifications/{verification}/scans/batch", new { scanned = Enumerable.Repeat(brace, 201) });
        (await tooMany.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed")).FieldCodes("scanned").ShouldNotBeEmpty();
        var outsider = await SupervisionScenario.CreateAsync(host);
        await (await outsider.Engineer.PostAsync($"/api/v1/verifications/{verification}/scans/batch", new { scanned = new[] { brace } }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "equipment_registry.not_project_supervisor");
    }
}
