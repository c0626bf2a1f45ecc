using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using MiniExcelLibs;
using PileRig.Modules.Tests.Fixture;
using Shouldly;
using Xunit;

namespace PileRig.Modules.EquipmentRegistry.Tests;

/// <summary>The regulator's dashboard and lists over a jurisdiction of its own, so every figure is exact.</summary>
public sealed class OversightListTests(PileRigHost host)
{
    [Fact]
    public async Task The_dashboard_counts_one_jurisdiction_and_each_figure_leads_to_a_list_that_filters_sorts_pages_and_exports()
    {
        var zone = await NewJurisdictionAsync();
        var inUse = await SupervisionScenario.CreateAsync(host, jurisdiction: zone);
        await (await SupervisionScenario.RegisterAsync(inUse.Engineer, await inUse.VerifiedAsync())).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var flagged = await SupervisionScenario.CreateAsync(host, jurisdiction: zone);
        await (await SupervisionScenario.RegisterAsync(flagged.Engineer, await flagged.VerifiedAsync())).ShouldHaveStatusAsync(HttpStatusCode.Created);
        await (await flagged.Engineer.PostAsync($"/api/v1/rigs/{flagged.RigId}/flags", new
        {
            projectId = flagged.ProjectId, category = "cloned", reason = "铭牌不符", photoFileIds = new[] { await flagged.PhotoAsync(flagged.Engineer) },
        })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var exited = await SupervisionScenario.CreateAsync(host, jurisdiction: zone);
        var usage = await (await SupervisionScenario.RegisterAsync(exited.Engineer, await exited.VerifiedAsync())).ShouldHaveStatusAsync(HttpStatusCode.Created);
        await (await exited.Engineer.PostAsync($"/api/v1/usages/{usage.Id("id")}/exit", new { note = "完工" })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        using var regulator = await host.NewRegulatorAsync(zone);
        using var elsewhere = await host.NewRegulatorAsync(await NewJurisdictionAsync());

        var dashboard = await (await regulator.GetAsync("/api/v1/oversight/dashboard")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var byJurisdiction = dashboard["inUseByJurisdiction"]!.AsArray().Single()!;
        byJurisdiction.Str("key").ShouldBe(zone);
        byJurisdiction["count"]!.GetValue<int>().ShouldBe(1);
        dashboard["inUseByType"]!.AsArray().Single()!.Str("key").ShouldBe("multi_axis_mixing");
        var thisWeek = dashboard["entriesAndExitsPerWeek"]!.AsArray()[^1]!;
        thisWeek["entries"]!.GetValue<int>().ShouldBe(3);
        thisWeek["exits"]!.GetValue<int>().ShouldBe(1);
        var flags = dashboard["openFlags"]!.AsArray().Single()!;
        (flags.Str("category"), flags.Str("age"), flags["count"]!.GetValue<int>()).ShouldBe(("cloned", "under_7_days", 1));

        var empty = await (await elsewhere.GetAsync("/api/v1/oversight/dashboard")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        empty["inUseByJurisdiction"]!.AsArray().ShouldBeEmpty();
        empty["openFlags"]!.AsArray().ShouldBeEmpty();
        empty["entriesAndExitsPerWeek"]!.AsArray().Sum(w => w!["entries"]!.GetValue<int>()).ShouldBe(0);
        (await ListAsync(elsewhere, $"/api/v1/oversight/usages?jurisdiction={zone}"))["total"]!.GetValue<long>().ShouldBe(0);

        (await ListAsync(regulator, byJurisdiction.Str("list")))["items"]!.AsArray().Single()!.Id("rigId").ShouldBe(inUse.RigId);
        (await ListAsync(regulator, flags.Str("list")))["items"]!.AsArray().Single()!.Id("rigId").ShouldBe(flagged.RigId);

        var all = await ListAsync(regulator, "/api/v1/oversight/usages?sort=factorySerial");
        all["total"]!.GetValue<long>().ShouldBe(3);
        var serials = all["items"]!.AsArray().Select(i => i!.Str("factorySerial")).ToList();
        serials.ShouldBe(serials.Order(StringComparer.Ordinal).ToList());
        var descending = await ListAsync(regulator, "/api/v1/oversight/usages?sort=-factorySerial");
        descending["items"]!.AsArray().Select(i => i!.Str("factorySerial")).ShouldBe(Enumerable.Reverse(serials));
        var page1 = await ListAsync(regulator, "/api/v1/oversight/usages?sort=factorySerial&pageSize=2");
        page1["items"]!.AsArray().Select(i => i!.Str("factorySerial")).ShouldBe(serials[..2]);
        page1["total"]!.GetValue<long>().ShouldBe(3);
        var page2 = await ListAsync(regulator, $"/api/v1/oversight/usages?sort=factorySerial&pageSize=2&cursor={page1.Str("nextCursor")}");
        page2["items"]!.AsArray().Single()!.Str("factorySerial").ShouldBe(serials[2]);
        page2["nextCursor"].ShouldBeNull();
        (await (await regulator.GetAsync("/api/v1/oversight/usages?cursor=not-a-cursor")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed"))
            .FieldCodes("cursor").ShouldBe(["validation.cursor"]);
        (await ListAsync(regulator, "/api/v1/oversight/usages?status=exited"))["items"]!.AsArray().Single()!.Id("rigId").ShouldBe(exited.RigId);
        var badSort = await (await regulator.GetAsync("/api/v1/oversight/usages?sort=password")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        badSort.FieldCodes("sort").ShouldNotBeEmpty();

        var csv = await (await regulator.GetAsync("/api/v1/oversight/usages?sort=factorySerial&format=csv")).Content.ReadAsByteArrayAsync();
        csv[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("项目,辖区,设备类型,生产厂家,型号,出厂编号,状态,安装高度 (m),动力头数量,进场登记时间,退场时间");
        lines.Length.ShouldBe(4);
        lines[1].ShouldContain(serials[0]);

        var xlsx = await (await regulator.GetAsync("/api/v1/oversight/usages?sort=factorySerial&format=xlsx")).Content.ReadAsByteArrayAsync();
        using var workbook = new MemoryStream(xlsx);
        var rows = workbook.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.Count.ShouldBe(3);
        rows[0].Keys.ShouldBe(lines[0].Split(','));
        rows.Select(r => r["出厂编号"].ToString()).ShouldBe(serials);

        var rigsCsv = await (await regulator.GetAsync("/api/v1/oversight/rigs?status=suspended&format=csv")).Content.ReadAsStringAsync();
        rigsCsv.ShouldContain(flagged.Rig.Str("factorySerial"));
        rigsCsv.ShouldNotContain(inUse.Rig.Str("factorySerial"));
    }

    private async Task<string> NewJurisdictionAsync()
    {
        using var admin = await host.SignedInAdminAsync();
        var code = "nb-ov-" + Guid.NewGuid().ToString("N")[..6];
        await (await admin.PostAsync("/api/v1/jurisdictions", new { code, nameZh = "监管测试区", nameEn = "Oversight Test Zone", kind = "functional_zone" }))
            .ShouldHaveStatusAsync(HttpStatusCode.Created);
        return code;
    }

    private static async Task<JsonNode> ListAsync(ApiClient client, string path) =>
        await (await client.GetAsync(path)).ShouldHaveStatusAsync(HttpStatusCode.OK);
}
