using System.Net;
using PileRig.Modules.Tests.Fixture;
using Shouldly;
using Xunit;

namespace PileRig.Modules.Robustness.Tests;

/// <summary>
/// Many rigs enter and leave one project at the same moment, as on a big site on a Monday morning. Nothing may be lost:
/// the project's count is exact at once, completion follows it, and no message is dead-lettered.
/// </summary>
public sealed class ProjectSiteConcurrencyTests(PileRigHost host)
{
    private const int Rigs = 20;

    [Fact]
    public async Task Forty_entries_and_exits_at_once_on_one_project_leave_exact_counts_and_an_empty_dead_letter_queue()
    {
        var site = await SupervisionScenario.CreateAsync(host);
        // The firm account and four engineers on the project, each on their own phone.
        var workers = new List<ApiClient> { site.Firm.Client, site.Engineer };
        var engineerIds = new List<Guid> { site.EngineerAccount.AccountId };
        for (var i = 0; i < 3; i++)
        {
            var (client, account) = await host.NewActiveEngineerAsync(site.Firm);
            workers.Add(client);
            engineerIds.Add(account.AccountId);
        }

        await (await site.Firm.Client.PutAsync($"/api/v1/projects/{site.ProjectId}/engineers", new { engineerIds })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var present = await RigsOnSiteAsync(site, Rigs, workers);
        var arriving = await VerifiedRigsAsync(site, Rigs, workers);

        // 20 exits and 20 entries, all at once.
        var exits = present.Select((usageId, i) => workers[i % workers.Count].PostAsync($"/api/v1/usages/{usageId}/exit", new { note = "退场" }));
        var entries = arriving.Select((verificationId, i) => SupervisionScenario.RegisterAsync(workers[i % workers.Count], verificationId));
        var answers = await Task.WhenAll(exits.Concat(entries));

        answers.Select(a => (int)a.StatusCode).Order().ShouldBe(Enumerable.Repeat(200, Rigs).Concat(Enumerable.Repeat(201, Rigs)));
        var project = await (await site.Firm.Client.GetAsync($"/api/v1/projects/{site.ProjectId}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        project["rigsInUse"]!.GetValue<int>().ShouldBe(Rigs);
        var inUse = await (await site.Firm.Client.GetAsync($"/api/v1/projects/{site.ProjectId}/usages?status=in_use&pageSize=100"))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        inUse["total"]!.GetValue<long>().ShouldBe(Rigs);
        var busy = await (await site.Firm.Client.PostAsync($"/api/v1/projects/{site.ProjectId}/complete", new { reason = "完工" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "projects.rigs_in_use");
        busy["args"]!["count"]!.GetValue<int>().ShouldBe(Rigs);

        // Everyone leaves at once; then the project completes.
        var usages = inUse["items"]!.AsArray().Select(u => u!.Id("id")).ToList();
        var left = await Task.WhenAll(usages.Select((id, i) => workers[i % workers.Count].PostAsync($"/api/v1/usages/{id}/exit", new { note = "退场" })));
        left.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        (await (await site.Firm.Client.PostAsync($"/api/v1/projects/{site.ProjectId}/complete", new { reason = "完工" }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK))["rigsInUse"]!.GetValue<int>().ShouldBe(0);

        (await host.DeadLettersAsync()).ShouldBe(0);
        (await DatabaseProbe.EmptyStreamsAsync(host.ConnectionString)).ShouldBe(0, await DatabaseProbe.EmptyStreamRowsAsync(host.ConnectionString));
    }

    // Rigs already in use on the project: their usage ids.
    private async Task<List<Guid>> RigsOnSiteAsync(SupervisionScenario site, int count, IReadOnlyList<ApiClient> workers)
    {
        var verifications = await VerifiedRigsAsync(site, count, workers);
        var usages = new List<Guid>();
        foreach (var (verificationId, i) in verifications.Select((v, i) => (v, i)))
        {
            usages.Add((await (await SupervisionScenario.RegisterAsync(workers[i % workers.Count], verificationId))
                .ShouldHaveStatusAsync(HttpStatusCode.Created)).Id("id"));
        }

        return usages;
    }

    // New rigs of one owner, each verified on the project (base unit and braces scanned): ready for entry.
    private async Task<List<Guid>> VerifiedRigsAsync(SupervisionScenario site, int count, IReadOnlyList<ApiClient> workers)
    {
        var verifications = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var rig = await site.Owner.RegisterRigAsync(await site.Owner.NewRigAsync());
            var worker = workers[i % workers.Count];
            var started = await SupervisionScenario.StartAsync(worker, site.ProjectId, rig["baseUnit"]!.Str("url"));
            foreach (var brace in rig["components"]!.AsArray().Where(c => c!["structural"]!.GetValue<bool>()))
            {
                await (await SupervisionScenario.ScanAsync(worker, started.Id("verificationId"), brace!["code"]!.Str("url"))).ShouldHaveStatusAsync(HttpStatusCode.OK);
            }

            verifications.Add(started.Id("verificationId"));
        }

        return verifications;
    }
}
