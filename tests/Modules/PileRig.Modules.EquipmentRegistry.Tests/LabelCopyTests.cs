using System.Net;
using System.Text.Json.Nodes;
using PileRig.Modules.EquipmentRegistry.Domain;
using PileRig.Modules.Tests.Fixture;
using Shouldly;
using Xunit;

namespace PileRig.Modules.EquipmentRegistry.Tests;

/// <summary>
/// 标签复制: a pile rig is taken down, trucked and put up again over days. One code scanned on two sites within hours —
/// or while its rig is in use on another site — means one of the labels is a copy, and the regulators of both sites
/// (and the admin) are shown it.
/// </summary>
public sealed class LabelCopyTests(PileRigHost host)
{
    [Fact]
    public async Task One_base_unit_scanned_on_sites_in_two_districts_within_hours_is_shown_to_both_districts_regulators_only()
    {
        var s = await SupervisionScenario.CreateAsync(host, jurisdiction: "330225");
        var (elsewhere, elsewhereProject) = await ProjectInAsync("330226");

        await SupervisionScenario.StartAsync(s.Engineer, s.ProjectId, s.BaseUnitUrl);
        await SupervisionScenario.StartAsync(elsewhere, elsewhereProject, s.BaseUnitUrl);

        var xiangshan = await FindingsAsync(await host.NewRegulatorAsync("330225"), s.RigId);
        var ninghai = await FindingsAsync(await host.NewRegulatorAsync("330226"), s.RigId);
        var yuyao = await FindingsAsync(await host.NewRegulatorAsync("330281"), s.RigId);
        using var admin = await host.SignedInAdminAsync();
        var all = await FindingsAsync(admin, s.RigId);

        var finding = all.ShouldHaveSingleItem();
        finding.Str("reason").ShouldBe("two_projects_too_soon");
        finding["sighting"]!.Id("projectId").ShouldBe(elsewhereProject);
        finding.Id("otherProjectId").ShouldBe(s.ProjectId);
        finding["jurisdictions"]!.AsArray().Select(j => j!.GetValue<string>()).ShouldBe(["330226", "330225"], ignoreOrder: true);
        xiangshan.Count.ShouldBe(1);
        ninghai.Count.ShouldBe(1);
        yuyao.ShouldBeEmpty();
        // The firms are not regulators: the list is not theirs.
        await (await s.Engineer.GetAsync("/api/v1/suspected-copies")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
    }

    [Fact]
    public async Task Eight_sites_scanning_one_code_at_the_same_moment_each_see_every_earlier_one()
    {
        var s = await SupervisionScenario.CreateAsync(host, jurisdiction: "330211");
        var sites = new List<(ApiClient Engineer, Guid ProjectId)>();
        for (var i = 0; i < 8; i++)
        {
            sites.Add(await ProjectInAsync("330211"));
        }

        var answers = await Task.WhenAll(sites.Select(site => site.Engineer.PostAsync($"/api/v1/projects/{site.ProjectId}/verifications", new { scanned = s.BaseUnitUrl })));

        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.Created);
        using var admin = await host.SignedInAdminAsync();
        // Judged one after the other, the k-th sees the k−1 before it: 0 + 1 + … + 7 findings, none lost to the race.
        (await FindingsAsync(admin, s.RigId)).Count.ShouldBe(28);
    }

    [Fact]
    public async Task Components_are_watched_too_and_a_scan_again_on_the_same_site_is_no_finding()
    {
        var s = await SupervisionScenario.CreateAsync(host, jurisdiction: "330213");
        await s.VerifiedAsync();
        await s.VerifiedAsync(); // the same site again: nothing suspicious
        using var admin = await host.SignedInAdminAsync();
        (await FindingsAsync(admin, s.RigId)).ShouldBeEmpty();

        var (elsewhere, elsewhereProject) = await ProjectInAsync("330213");
        await s.VerifiedAsync(elsewhere, elsewhereProject);

        var findings = await FindingsAsync(admin, s.RigId);
        var structural = s.Rig["components"]!.AsArray().Count(c => c!["structural"]!.GetValue<bool>());
        findings.Count.ShouldBe(1 + structural); // the base unit and each component scanned
        findings.Count(f => f!["componentId"] is JsonValue).ShouldBe(structural);
    }

    [Theory]
    [InlineData("330225", "330226", 5, true)]
    [InlineData("330225", "330226", 7, false)]
    [InlineData("330225", "330225", 1, true)]
    [InlineData("330225", "330225", 3, false)]
    public void How_soon_is_too_soon_depends_on_whether_the_sites_share_a_district(string first, string second, int hoursLater, bool suspected)
    {
        var at = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(8));
        var earlier = Sighting(first, at);
        var now = Sighting(second, at.AddHours(hoursLater));

        var findings = LabelCopyDecisions.Judge(now, [earlier], null, null, new LabelCopySettings());

        findings.Count.ShouldBe(suspected ? 1 : 0);
    }

    [Fact]
    public void A_code_seen_while_its_rig_is_in_use_on_another_site_is_suspected_whenever_it_is()
    {
        var now = Sighting("330225", DateTimeOffset.UnixEpoch.AddYears(56));
        var inUseOn = Guid.CreateVersion7();

        var finding = LabelCopyDecisions.Judge(now, [], inUseOn, "330203", new LabelCopySettings()).ShouldHaveSingleItem();

        finding.Reason.ShouldBe(LabelCopyReason.RigInUseElsewhere);
        finding.OtherProjectId.ShouldBe(inUseOn);
        finding.Jurisdictions.ShouldBe(["330225", "330203"]);
        LabelCopyDecisions.Judge(now, [], now.ProjectId, "330225", new LabelCopySettings()).ShouldBeEmpty(); // in use right here
    }

    private static CodeSighting Sighting(string jurisdiction, DateTimeOffset at) =>
        new(Guid.CreateVersion7(), "RABCDEFGHJK", Guid.Empty, null, Guid.CreateVersion7(), jurisdiction, Guid.Empty, at);

    private async Task<(ApiClient Engineer, Guid ProjectId)> ProjectInAsync(string jurisdiction)
    {
        var firm = await host.NewFirmAsync();
        var (engineer, account) = await host.NewActiveEngineerAsync(firm);
        var project = await firm.Client.RegisterProjectAsync(ProjectScenarios.NewProject([account.AccountId], jurisdiction: jurisdiction));
        return (engineer, project.Id("projectId"));
    }

    private static async Task<List<JsonNode>> FindingsAsync(ApiClient client, Guid rigId)
    {
        var page = await (await client.GetAsync("/api/v1/suspected-copies?pageSize=200")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        return page["items"]!.AsArray().Where(f => f!.Id("rigId") == rigId).Select(f => f!).ToList();
    }
}
