using System.Net;
using PileRig.Modules.Tests.Fixture;
using Shouldly;
using Xunit;

namespace PileRig.Modules.Robustness.Tests;

/// <summary>
/// Every value that may be claimed once, raced 16-wide by separate clients at the same moment: exactly one wins, every
/// other is answered with the claim's own rule (409) — never a 500, never a generic "someone else changed this".
/// </summary>
public sealed class ClaimRaceTests(PileRigHost host)
{
    private const int Width = 16;

    [Fact]
    public async Task Sixteen_sign_ups_with_one_username_at_once_create_one_account()
    {
        var username = TestData.Username("race");
        var clients = Enumerable.Range(0, Width).Select(_ => host.NewClient()).ToList();

        var answers = await Task.WhenAll(clients.Select(c => c.PostAsync("/api/v1/accounts/register",
            new { username, password = Scenarios.Password, mobile = TestData.Mobile(), kind = "supervision_firm" })));

        await ShouldHaveOneWinnerAsync(answers, HttpStatusCode.Created, "personnel.username_taken");
    }

    [Fact]
    public async Task Sixteen_engineers_created_at_once_with_one_mobile_number_each_get_their_own_login()
    {
        var firms = new List<EnterpriseUser>();
        for (var i = 0; i < 4; i++)
        {
            firms.Add(await host.NewFirmAsync());
        }

        var mobile = TestData.Mobile();
        var answers = await Task.WhenAll(Enumerable.Range(0, Width).Select(i => firms[i % firms.Count].Client.PostAsync("/api/v1/engineers", new { name = "王工", mobile })));

        answers.Select(a => a.StatusCode).ShouldAllBe(s => s == HttpStatusCode.Created);
        var usernames = await Task.WhenAll(answers.Select(async a => (await a.JsonAsync()).Str("username")));
        usernames.Distinct().Count().ShouldBe(Width);
        usernames.ShouldContain(mobile);
    }

    [Fact]
    public async Task Sixteen_firms_claiming_one_credit_code_at_once_leave_it_with_one_of_them()
    {
        var creditCode = TestData.CreditCode();
        var firms = new List<(ApiClient Client, Guid Document)>();
        for (var i = 0; i < Width; i++)
        {
            var client = host.NewClient();
            var (credentials, _, _) = await client.RegisterAsync("supervision_firm");
            await client.SignInWithTokenAsync(credentials);
            firms.Add((client, await client.UploadPdfAsync()));
        }

        var answers = await Task.WhenAll(firms.Select(f => f.Client.SubmitProfileAsync(Scenarios.Profile(creditCode, f.Document))));

        await ShouldHaveOneWinnerAsync(answers, HttpStatusCode.OK, "enterprises.credit_code_taken");
    }

    [Theory]
    [InlineData("factory_serial")]
    [InlineData("certificate_number")]
    public async Task Sixteen_owners_registering_one_rig_identity_at_once_register_one_rig_and_record_the_others_as_suspected_clones(string sharedPart)
    {
        var serial = "SN-RACE-" + Guid.NewGuid().ToString("N")[..8];
        var certificate = "HG-RACE-" + Guid.NewGuid().ToString("N")[..8];
        var owners = new List<(EnterpriseUser Owner, object Rig)>();
        for (var i = 0; i < Width; i++)
        {
            var owner = await host.NewOwnerAsync();
            owners.Add((owner, sharedPart == "factory_serial"
                ? await owner.NewRigAsync(maker: "徐工", serial: serial)
                : await owner.NewRigAsync(certificate: certificate)));
        }

        var answers = await Task.WhenAll(owners.Select(o => o.Owner.Client.PostAsync("/api/v1/rigs", o.Rig)));

        await ShouldHaveOneWinnerAsync(answers, HttpStatusCode.Created, "equipment_registry.duplicate_identity");
        var rigId = (await answers.Single(a => a.StatusCode == HttpStatusCode.Created).JsonAsync()).Id("rigId");
        using var admin = await host.SignedInAdminAsync();
        var clones = (await admin.ItemsAsync("/api/v1/suspected-clones?pageSize=200"))
            .Where(c => c!.Id("existingRigId") == rigId).ToList();
        clones.Count.ShouldBe(Width - 1);
        clones.ShouldAllBe(c => c!["matchedOn"]!.AsArray().Select(m => m!.GetValue<string>()).Contains(sharedPart));
        // The 15 losers each started a rig stream that did not commit: none of them may leave a stream row behind.
        (await DatabaseProbe.EmptyStreamsAsync(host.ConnectionString)).ShouldBe(0, await DatabaseProbe.EmptyStreamRowsAsync(host.ConnectionString));
    }

    [Fact]
    public async Task An_owner_sending_one_rig_form_sixteen_times_at_once_registers_it_once_and_is_not_suspected_of_cloning_itself()
    {
        var owner = await host.NewOwnerAsync();
        var rig = await owner.NewRigAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, Width).Select(_ => owner.Client.PostAsync("/api/v1/rigs", rig)));

        await ShouldHaveOneWinnerAsync(answers, HttpStatusCode.Created, "equipment_registry.already_registered_by_you");
        var rigId = (await answers.Single(a => a.StatusCode == HttpStatusCode.Created).JsonAsync()).Id("rigId");
        var registered = await (await owner.Client.GetAsync($"/api/v1/rigs/{rigId}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        registered["contestedClaims"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task Sixteen_admins_adding_one_rig_type_or_one_jurisdiction_at_once_add_it_once()
    {
        var clients = new List<ApiClient>();
        for (var i = 0; i < Width; i++)
        {
            clients.Add(await host.SignedInAdminAsync());
        }

        var code = "race_" + Guid.NewGuid().ToString("N")[..8];
        var types = await Task.WhenAll(clients.Select(c => c.PostAsync("/api/v1/rig-types", new { code, nameZh = "试验桩机", nameEn = "Trial rig" })));
        await ShouldHaveOneWinnerAsync(types, HttpStatusCode.Created, "equipment_registry.rig_type_exists");

        var zone = "zone-" + Guid.NewGuid().ToString("N")[..8];
        var zones = await Task.WhenAll(clients.Select(c => c.PostAsync("/api/v1/jurisdictions",
            new { code = zone, nameZh = "试验功能区", nameEn = "Trial zone", kind = "functional_zone" })));
        await ShouldHaveOneWinnerAsync(zones, HttpStatusCode.Created, "projects.jurisdiction_code_taken");
    }

    private static async Task ShouldHaveOneWinnerAsync(HttpResponseMessage[] answers, HttpStatusCode won, string lostRule)
    {
        var report = string.Join("\n", await Task.WhenAll(answers.Select(async a => $"{(int)a.StatusCode} {await a.Content.ReadAsStringAsync()}")));
        answers.Count(a => a.StatusCode == won).ShouldBe(1, report);
        foreach (var lost in answers.Where(a => a.StatusCode != won))
        {
            await lost.ShouldBeProblemAsync(HttpStatusCode.Conflict, lostRule);
        }
    }
}
