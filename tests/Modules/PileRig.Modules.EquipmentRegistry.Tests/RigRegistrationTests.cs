using System.Net;
using PileRig.Modules.Tests.Fixture;
using Shouldly;
using Xunit;

namespace PileRig.Modules.EquipmentRegistry.Tests;

public sealed class RigRegistrationTests(PileRigHost host)
{
    [Fact]
    public async Task An_owner_registers_a_rig_whose_base_unit_and_components_each_get_their_own_signed_code()
    {
        var owner = await host.NewOwnerAsync();

        var rig = await owner.RegisterRigAsync(await owner.NewRigAsync(components:
        [
            new { kind = "mast_section", serial = "M-01" },
            new { kind = "brace", serial = "B-01" },
            new { kind = "brace", serial = "B-02", structural = false },
            new { kind = "power_head", serial = "P-01", structural = true },
        ]));

        rig.Id("ownerId").ShouldBe(owner.EnterpriseId);
        rig["baseUnit"]!.Str("url").ShouldStartWith(PileRigHost.PublicBaseUrl + "/q/R");
        var components = rig["components"]!.AsArray();
        components.Select(c => c!["structural"]!.GetValue<bool>()).ShouldBe([false, true, false, true]);
        var urls = components.Select(c => c!["code"]!.Str("url")).Append(rig["baseUnit"]!.Str("url")).ToList();
        urls.Distinct().Count().ShouldBe(5);
        urls.Where(u => !u.Contains("/q/R", StringComparison.Ordinal)).ShouldAllBe(u => u.Contains("/q/C", StringComparison.Ordinal));
        urls.ShouldAllBe(u => u.Length <= 60);
    }

    [Fact]
    public async Task The_same_maker_and_factory_serial_is_refused_recorded_as_a_suspected_clone_and_visible_to_the_regulator()
    {
        var genuine = await host.NewOwnerAsync();
        var original = await genuine.RegisterRigAsync(await genuine.NewRigAsync(maker: "三一重工", serial: "SY2019-0042"));
        var cloner = await host.NewOwnerAsync();

        // Same identity typed differently: spaces and case do not make a new machine.
        var refused = await cloner.Client.PostAsync("/api/v1/rigs", await cloner.NewRigAsync(maker: " 三一重工", serial: "sy2019-0042 "));

        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "equipment_registry.duplicate_identity");
        problem["args"]!.Str("matchedOn").ShouldBe("factory_serial");
        (await cloner.Client.ItemsAsync("/api/v1/rigs")).ShouldBeEmpty();

        using var admin = await host.SignedInAdminAsync();
        var clones = await admin.ItemsAsync("/api/v1/suspected-clones?pageSize=200");
        var clone = clones.Single(c => c!.Id("existingRigId") == original.Id("rigId"));
        clone!.Id("existingOwnerId").ShouldBe(genuine.EnterpriseId);
        clone!.Id("claimantOwnerId").ShouldBe(cloner.EnterpriseId);
        clone!.Id("claimantAccountId").ShouldBe(cloner.AccountId);

        var history = (await (await admin.GetAsync($"/api/v1/rigs/{original.Id("rigId")}/history")).ShouldHaveStatusAsync(HttpStatusCode.OK)).AsArray();
        history.Select(e => e!.Str("type")).ShouldBe(["equipment_registry.rig_registered", "equipment_registry.rig_identity_contested"]);
        history[1]!.Id("enterpriseId").ShouldBe(cloner.EnterpriseId);
    }

    [Fact]
    public async Task The_same_certificate_number_is_refused_too()
    {
        var first = await host.NewOwnerAsync();
        await first.RegisterRigAsync(await first.NewRigAsync(certificate: "HGZ-2020-777"));
        var second = await host.NewOwnerAsync();

        var refused = await second.Client.PostAsync("/api/v1/rigs", await second.NewRigAsync(certificate: "hgz-2020-777"));

        (await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "equipment_registry.duplicate_identity"))["args"]!.Str("matchedOn")
            .ShouldBe("certificate_number");
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(0.1, true)]
    [InlineData(12.34, false)]  // one decimal at most
    [InlineData(200, true)]
    [InlineData(200.1, false)]
    public async Task The_rated_height_is_positive_with_one_decimal(double height, bool accepted)
    {
        var owner = await host.NewOwnerAsync();

        var response = await owner.Client.PostAsync("/api/v1/rigs", await owner.NewRigAsync(ratedHeight: (decimal)height));

        if (accepted)
        {
            await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        }
        else
        {
            (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed")).FieldCodes("ratedMaxHeightMetres")
                .ShouldBe(["equipment_registry.rated_height"]);
        }
    }

    [Fact]
    public async Task Rig_types_are_data_and_an_unknown_type_is_refused()
    {
        var owner = await host.NewOwnerAsync();
        var types = (await (await owner.Client.GetAsync("/api/v1/rig-types")).ShouldHaveStatusAsync(HttpStatusCode.OK)).AsArray();
        types.Select(t => t!.Str("name")).ShouldContain("旋挖钻机");
        types.Select(t => t!.Str("code")).ShouldBe(["multi_axis_mixing", "long_auger", "rotary_drilling", "static_pressure",
            "walking_pile_driver", "crawler_pile_driver", "other"], ignoreOrder: true, customMessage: "the seeded types (this test runs before any is added)");

        var rig = System.Text.Json.JsonSerializer.SerializeToNode(await owner.NewRigAsync())!.AsObject();
        var code = "test_type_" + Guid.NewGuid().ToString("N")[..6];
        rig["typeCode"] = code;
        (await (await owner.Client.PostAsync("/api/v1/rigs", rig)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed"))
            .FieldCodes("typeCode").ShouldBe(["equipment_registry.unknown_rig_type"]);

        // The admin adds the type — no release — and the same registration now goes through.
        using var admin = await host.SignedInAdminAsync();
        await (await owner.Client.PostAsync("/api/v1/rig-types", new { code, nameZh = "双轮铣槽机", nameEn = "Trench cutter" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
        await (await admin.PostAsync("/api/v1/rig-types", new { code, nameZh = "双轮铣槽机", nameEn = "Trench cutter" })).ShouldHaveStatusAsync(HttpStatusCode.Created);
        await (await admin.PostAsync("/api/v1/rig-types", new { code, nameZh = "x", nameEn = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "equipment_registry.rig_type_exists");
        await (await owner.Client.PostAsync("/api/v1/rigs", rig)).ShouldHaveStatusAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Only_rig_owners_register_rigs_and_an_owner_sees_and_changes_only_its_own()
    {
        var owner = await host.NewOwnerAsync();
        var rival = await host.NewOwnerAsync();
        var firm = await host.NewFirmAsync();
        var rig = await owner.RegisterRigAsync(await owner.NewRigAsync());
        var rigId = rig.Id("rigId");

        await (await firm.Client.PostAsync("/api/v1/rigs", await owner.NewRigAsync())).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
        await (await rival.Client.GetAsync($"/api/v1/rigs/{rigId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "equipment_registry.rig_not_found");
        await (await rival.Client.GetAsync($"/api/v1/rigs/{rigId}/history")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "equipment_registry.rig_not_found");
        await (await rival.Client.GetAsync($"/api/v1/rigs/{rigId}/labels")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "equipment_registry.rig_not_found");
        await (await rival.Client.PostAsync($"/api/v1/rigs/{rigId}/components", new { kind = "brace", serial = "X" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "equipment_registry.rig_not_found");
        (await rival.Client.ItemsAsync("/api/v1/rigs")).ShouldBeEmpty();
        (await owner.Client.ItemsAsync("/api/v1/rigs")).Select(r => r!.Id("rigId")).ShouldBe([rigId]);
    }

    [Fact]
    public async Task Replacing_a_component_retires_it_and_revokes_its_code_and_removing_one_revokes_its_code()
    {
        var owner = await host.NewOwnerAsync();
        var rig = await owner.RegisterRigAsync(await owner.NewRigAsync());
        var rigId = rig.Id("rigId");
        var brace = rig["components"]!.AsArray().Single(c => c!.Str("kind") == "brace")!;
        var mast = rig["components"]!.AsArray().First(c => c!.Str("kind") == "mast_section")!;

        var replaced = await (await owner.Client.PostAsync($"/api/v1/rigs/{rigId}/components/{brace.Id("componentId")}/replace",
            new { serial = "B-01R", reason = "焊缝裂纹，更换" })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var newBrace = replaced["components"]!.AsArray().Single(c => c!.Str("kind") == "brace")!;
        newBrace.Str("serial").ShouldBe("B-01R");
        newBrace["structural"]!.GetValue<bool>().ShouldBeTrue();
        replaced["retiredComponents"]!.AsArray().Select(c => c!.Id("componentId")).ShouldBe([brace.Id("componentId")]);
        await (await owner.Client.PostAsync($"/api/v1/rigs/{rigId}/components/{mast.Id("componentId")}/remove", new { reason = "拆除" }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);

        using var phone = host.NewClient();
        (await phone.GetAsync(PathOf(brace["code"]!.Str("url")))).StatusCode.ShouldBe(HttpStatusCode.Gone);
        (await phone.GetAsync(PathOf(mast["code"]!.Str("url")))).StatusCode.ShouldBe(HttpStatusCode.Gone);
        (await phone.GetAsync(PathOf(newBrace["code"]!.Str("url")))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var history = (await (await owner.Client.GetAsync($"/api/v1/rigs/{rigId}/history")).ShouldHaveStatusAsync(HttpStatusCode.OK)).AsArray();
        history.Select(e => e!.Str("type")).ShouldBe(
            ["equipment_registry.rig_registered", "equipment_registry.component_replaced", "equipment_registry.component_removed"]);
        history[1]!["data"]!.Str("reason").ShouldBe("焊缝裂纹，更换");
        await (await owner.Client.PostAsync($"/api/v1/rigs/{rigId}/components/{brace.Id("componentId")}/remove", new { reason = "again" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "equipment_registry.component_not_found");
        await (await owner.Client.PostAsync($"/api/v1/rigs/{rigId}/components/{newBrace.Id("componentId")}/remove", new { reason = " " }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
    }

    [Fact]
    public async Task Two_components_of_one_kind_cannot_share_a_serial()
    {
        var owner = await host.NewOwnerAsync();
        var rig = await owner.RegisterRigAsync(await owner.NewRigAsync());

        await (await owner.Client.PostAsync($"/api/v1/rigs/{rig.Id("rigId")}/components", new { kind = "mast_section", serial = "m-01" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "equipment_registry.component_serial_duplicate");
        await (await owner.Client.PostAsync($"/api/v1/rigs/{rig.Id("rigId")}/components", new { kind = "brace", serial = "M-01" }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    internal static string PathOf(string url) => new Uri(url).PathAndQuery;
}
