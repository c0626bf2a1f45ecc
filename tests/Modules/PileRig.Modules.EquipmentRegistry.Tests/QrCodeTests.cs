using System.Diagnostics;
using System.Net;
using PileRig.Modules.Tests.Fixture;
using Shouldly;
using Xunit;

namespace PileRig.Modules.EquipmentRegistry.Tests;

public sealed class QrCodeTests(PileRigHost host)
{
    [Fact]
    public async Task A_label_png_decodes_back_to_its_url_with_a_decoder_that_is_not_the_encoder_and_stays_a_small_symbol()
    {
        var owner = await host.NewOwnerAsync();
        var rig = await owner.RegisterRigAsync(await owner.NewRigAsync());
        var brace = rig["components"]!.AsArray().Single(c => c!.Str("kind") == "brace")!["code"]!;

        var png = await (await owner.Client.GetAsync($"/api/v1/rigs/{rig.Id("rigId")}/labels/{brace.Str("itemCode")}.png")).Content.ReadAsByteArrayAsync();

        var file = Path.Combine(Path.GetTempPath(), $"label-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(file, png);
        try
        {
            (await Zbarimg(file)).ShouldBe(brace.Str("url"));
        }
        finally
        {
            File.Delete(file);
        }

        // Width = (17 + 4·version + 8 quiet modules) × 12 px; version ≤ 6 keeps the symbol small and robust at level Q.
        var width = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
        var version = ((width / 12) - 8 - 17) / 4;
        version.ShouldBeLessThanOrEqualTo(6);
    }

    [Fact]
    public async Task Anyone_opening_a_label_url_sees_the_rig_and_its_status_and_nothing_private()
    {
        var owner = await host.NewOwnerAsync();
        var rig = await owner.RegisterRigAsync(await owner.NewRigAsync(maker: "徐工集团", serial: "XG-PUBLIC-1"));
        using var anyone = host.NewClient();

        var page = await anyone.GetAsync(RigRegistrationTests.PathOf(rig["baseUnit"]!.Str("url")));

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("徐工集团");
        html.ShouldContain("XG-PUBLIC-1");
        html.ShouldContain("空闲");
        html.ShouldNotContain(rig["certificateFile"]!.Str("sha256"));
        html.ShouldNotContain("<script", Case.Insensitive);
        var owned = await Scenarios.EventuallyAsync(async () => await (await anyone.GetAsync(RigRegistrationTests.PathOf(rig["baseUnit"]!.Str("url")))).Content.ReadAsStringAsync(),
            h => h.Contains("宁波", StringComparison.Ordinal));
        owned.ShouldContain("宁波"); // the owner's name, delivered to the registry through the outbox

        using var english = host.NewClient("en");
        (await (await english.GetAsync(RigRegistrationTests.PathOf(rig["baseUnit"]!.Str("url")))).Content.ReadAsStringAsync()).ShouldContain("Free");
    }

    [Fact]
    public async Task A_forged_or_tampered_code_fails_before_any_lookup_and_the_attempt_is_recorded()
    {
        var owner = await host.NewOwnerAsync();
        var rig = await owner.RegisterRigAsync(await owner.NewRigAsync());
        var genuine = rig["baseUnit"]!.Str("url");
        var token = genuine[(genuine.LastIndexOf('/') + 1)..];
        var tampered = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        var invented = "R0000000000.10000000000";
        using var phone = host.NewClient();

        foreach (var forged in new[] { tampered, invented, "hello" })
        {
            var page = await phone.GetAsync("/q/" + forged);
            page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await page.Content.ReadAsStringAsync()).ShouldContain("非平台签发的二维码");
        }

        using var admin = await host.SignedInAdminAsync();
        var attempts = (await admin.EventuallyItemsAsync("/api/v1/scan-attempts?pageSize=200",
                items => items.Count(a => a!.Str("address") == phone.LocalAddress.ToString()) >= 3))
            .Where(a => a!.Str("address") == phone.LocalAddress.ToString()).ToList();
        attempts.Select(a => a!.Str("scanned")).ShouldBe([tampered, invented, "hello"], ignoreOrder: true);
        attempts.ShouldAllBe(a => a!.Str("outcome") == "notissued");
        await (await owner.Client.GetAsync("/api/v1/scan-attempts")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
    }

    [Fact]
    public async Task A_signed_in_client_resolves_the_bare_code_typed_by_hand_in_any_case()
    {
        var owner = await host.NewOwnerAsync();
        var rig = await owner.RegisterRigAsync(await owner.NewRigAsync());
        var mast = rig["components"]!.AsArray().First(c => c!.Str("kind") == "mast_section")!;
        var url = mast["code"]!.Str("url");
        var bare = url[(url.LastIndexOf('/') + 1)..].ToLowerInvariant();

        var resolved = await (await owner.Client.GetAsync("/api/v1/codes/" + bare)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        resolved.Id("rigId").ShouldBe(rig.Id("rigId"));
        resolved.Id("componentId").ShouldBe(mast.Id("componentId"));
        await (await owner.Client.GetAsync("/api/v1/codes/R0000000000.10000000000")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "equipment_registry.code_not_issued");
    }

    [Fact]
    public async Task An_account_probing_codes_is_stopped_after_120_lookups_a_minute_and_others_are_not()
    {
        var prober = await host.NewOwnerAsync();
        var other = await host.NewOwnerAsync();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 121; i++)
        {
            using var answer = await prober.Client.GetAsync($"/api/v1/codes/R0000000000.1{i:D10}");
            answers.Add(answer.StatusCode);
        }

        answers.Take(120).ShouldAllBe(s => s == HttpStatusCode.NotFound);
        answers[120].ShouldBe(HttpStatusCode.TooManyRequests);
        await (await prober.Client.GetAsync("/api/v1/codes/R0000000000.10000000000")).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "auth.too_many_lookups");
        await (await other.Client.GetAsync("/api/v1/codes/R0000000000.10000000000")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "equipment_registry.code_not_issued");
    }

    [Fact]
    public async Task The_print_page_lays_out_the_rigs_whole_set_on_A4_and_each_label_names_its_item()
    {
        var owner = await host.NewOwnerAsync();
        var rig = await owner.RegisterRigAsync(await owner.NewRigAsync());

        var html = await (await owner.Client.GetAsync($"/api/v1/rigs/{rig.Id("rigId")}/labels")).Content.ReadAsStringAsync();
        var svg = await (await owner.Client.GetAsync($"/api/v1/rigs/{rig.Id("rigId")}/labels/{rig["baseUnit"]!.Str("itemCode")}.svg")).Content.ReadAsStringAsync();

        html.ShouldContain("size: A4");
        html.Split("class=\"label\"").Length.ShouldBe(1 + 5);
        html.ShouldContain("支撑杆");
        html.ShouldContain("立柱节");
        svg.ShouldContain("主机");
        svg.ShouldContain(rig["baseUnit"]!.Str("itemCode"));
        svg.ShouldContain(rig.Str("factorySerial"));
    }

    [Fact]
    public async Task The_pdf_sheet_printed_at_300_dpi_scans_back_to_every_label_of_the_rig()
    {
        var owner = await host.NewOwnerAsync();
        var rig = await owner.RegisterRigAsync(await owner.NewRigAsync());
        var expected = rig["components"]!.AsArray().Select(c => c!["code"]!.Str("url")).Append(rig["baseUnit"]!.Str("url")).ToList();

        var response = await owner.Client.GetAsync($"/api/v1/rigs/{rig.Id("rigId")}/labels.pdf");

        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var folder = Directory.CreateTempSubdirectory("labels-").FullName;
        try
        {
            var pdf = Path.Combine(folder, "sheet.pdf");
            await File.WriteAllBytesAsync(pdf, await response.Content.ReadAsByteArrayAsync());
            using (var render = Process.Start("pdftoppm", ["-r", "300", "-png", pdf, Path.Combine(folder, "page")])!)
            {
                await render.WaitForExitAsync();
                render.ExitCode.ShouldBe(0);
            }

            var page = Directory.GetFiles(folder, "page*.png").Single();
            var decoded = (await Zbarimg(page)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            decoded.ShouldBe(expected, ignoreOrder: true);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> Zbarimg(string file)
    {
        using var process = Process.Start(new ProcessStartInfo("zbarimg", ["--raw", "-q", file]) { RedirectStandardOutput = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Trim();
    }
}
