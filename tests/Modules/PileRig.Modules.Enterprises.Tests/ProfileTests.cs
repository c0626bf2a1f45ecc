using System.Net;
using PileRig.Modules.Tests.Fixture;
using Shouldly;
using Xunit;

namespace PileRig.Modules.Enterprises.Tests;

public sealed class ProfileTests(PileRigHost host)
{
    private async Task<(ApiClient Client, Credentials Credentials, Guid AccountId, Guid EnterpriseId)> SignedUpAsync(string kind = "supervision_firm")
    {
        var client = host.NewClient();
        var (credentials, accountId, enterpriseId) = await client.RegisterAsync(kind);
        await client.SignInWithTokenAsync(credentials);
        return (client, credentials, accountId, enterpriseId);
    }

    [Theory]
    [InlineData("91330424721046789H")]
    [InlineData("91110000101623741K")]
    public async Task The_credit_codes_from_the_domain_guide_pass_their_check(string creditCode)
    {
        // Only this test uses these two codes in this run's fresh database, so each is still free.
        var (client, _, _, enterpriseId) = await SignedUpAsync();

        var response = await client.SubmitProfileAsync(Scenarios.Profile(creditCode, await client.UploadPdfAsync()));

        var profile = await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        profile.Id("enterpriseId").ShouldBe(enterpriseId);
        profile["profileComplete"]!.GetValue<bool>().ShouldBeTrue();
        profile["profile"]!.Str("creditCode").ShouldBe(creditCode);
    }

    [Fact]
    public async Task A_credit_code_typed_in_lower_case_is_stored_in_capitals()
    {
        var (client, _, _, _) = await SignedUpAsync();
        var code = TestData.CreditCode();

        var profile = await (await client.SubmitProfileAsync(Scenarios.Profile(" " + code.ToLowerInvariant() + " ", await client.UploadPdfAsync())))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);

        profile["profile"]!.Str("creditCode").ShouldBe(code);
    }

    [Theory]
    [InlineData("91330424721046789")]    // 17 characters
    [InlineData("91330424721046789HX")]  // 19 characters
    [InlineData("9133042472104678IH")]   // I is not in the alphabet
    [InlineData("9133042472104678OH")]   // nor O
    [InlineData("91330424-21046789H")]
    public async Task A_malformed_credit_code_is_refused_outright(string creditCode)
    {
        var (client, _, _, _) = await SignedUpAsync();

        var response = await client.SubmitProfileAsync(Scenarios.Profile(creditCode, await client.UploadPdfAsync(), confirm: true));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed")).FieldCodes("creditCode")
            .ShouldBe(["enterprises.credit_code_format"]);
    }

    [Fact]
    public async Task A_wrong_check_character_needs_the_users_confirmation_which_is_recorded()
    {
        var (client, _, _, enterpriseId) = await SignedUpAsync();
        var code = TestData.WithWrongCheckCharacter(TestData.CreditCode());
        var document = await client.UploadPdfAsync();

        var refused = await client.SubmitProfileAsync(Scenarios.Profile(code, document));
        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "enterprises.credit_code_check_failed");
        problem["args"]!.Str("expected").Length.ShouldBe(1);
        (await (await client.GetAsync("/api/v1/enterprises/me")).ShouldHaveStatusAsync(HttpStatusCode.OK))["profileComplete"]!
            .GetValue<bool>().ShouldBeFalse();

        await (await client.SubmitProfileAsync(Scenarios.Profile(code, document, confirm: true))).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var history = (await (await client.GetAsync($"/api/v1/enterprises/{enterpriseId}/history")).ShouldHaveStatusAsync(HttpStatusCode.OK)).AsArray();
        history.Select(e => e!.Str("type")).ShouldBe(
            ["enterprises.enterprise_registered", "enterprises.credit_code_check_failure_confirmed", "enterprises.profile_completed"]);
        history[1]!["data"]!.Str("creditCode").ShouldBe(code);
    }

    [Fact]
    public async Task A_second_enterprise_with_the_same_credit_code_is_refused_and_nothing_is_written()
    {
        var first = await host.NewFirmAsync();
        var (client, _, _, enterpriseId) = await SignedUpAsync("rig_owner");

        var refused = await client.SubmitProfileAsync(Scenarios.Profile(first.CreditCode, await client.UploadPdfAsync()));

        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "enterprises.credit_code_taken");
        problem.Str("detail").ShouldContain(first.CreditCode);
        (await (await client.GetAsync("/api/v1/enterprises/me")).ShouldHaveStatusAsync(HttpStatusCode.OK))["profileComplete"]!
            .GetValue<bool>().ShouldBeFalse();
        using var admin = await host.SignedInAdminAsync();
        await (await admin.GetAsync($"/api/v1/enterprises/{enterpriseId}/history")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "resource.not_found");
    }

    [Fact]
    public async Task A_completed_profiles_credit_code_stays_bound_so_no_one_else_can_take_it()
    {
        var firm = await host.NewFirmAsync();

        var moved = await firm.Client.SubmitProfileAsync(Scenarios.Profile(TestData.CreditCode(), await firm.Client.UploadPdfAsync()));

        (await moved.ShouldBeProblemAsync(HttpStatusCode.Conflict, "enterprises.credit_code_bound")).Str("detail").ShouldContain(firm.CreditCode);
        var profile = await (await firm.Client.GetAsync("/api/v1/enterprises/me")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        profile.ToJsonString().ShouldContain(firm.CreditCode);
        // The code is still the firm's: a newcomer cannot take it.
        var (squatter, _, _, _) = await SignedUpAsync("supervision_firm");
        await (await squatter.SubmitProfileAsync(Scenarios.Profile(firm.CreditCode, await squatter.UploadPdfAsync())))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "enterprises.credit_code_taken");
        // Other details of the profile can still be corrected.
        var corrected = Scenarios.Profile(firm.CreditCode, await firm.Client.UploadPdfAsync());
        await (await firm.Client.SubmitProfileAsync(corrected)).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Every_missing_field_is_named()
    {
        var (client, _, _, _) = await SignedUpAsync();

        var response = await client.SubmitProfileAsync(new { });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        foreach (var field in new[] { "name", "creditCode", "address", "legalRepresentative", "contactName", "contactPhone", "documentFileId" })
        {
            problem.FieldCodes(field).ShouldContain("validation.required", field);
        }
    }

    [Theory]
    [InlineData("13800000000", true)]
    [InlineData("0574-87654321", true)]
    [InlineData("057487654321", true)]
    [InlineData("87654321", false)] // no area code
    [InlineData("phone", false)]
    public async Task The_contact_phone_is_a_mobile_or_a_landline_with_area_code(string phone, bool accepted)
    {
        var (client, _, _, _) = await SignedUpAsync();
        var profile = new
        {
            name = "宁波某监理公司", creditCode = TestData.CreditCode(), address = "宁波", legalRepresentative = "张三",
            contactName = "李四", contactPhone = phone, documentFileId = await client.UploadPdfAsync(),
        };

        var response = await client.SubmitProfileAsync(profile);

        if (accepted)
        {
            await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }
        else
        {
            (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed")).FieldCodes("contactPhone")
                .ShouldBe(["enterprises.contact_phone_format"]);
        }
    }

    [Fact]
    public async Task A_rig_owner_files_a_business_licence_and_a_firm_a_qualification_certificate()
    {
        var owner = await host.NewOwnerAsync();
        var firm = await host.NewFirmAsync();

        var ownerProfile = await (await owner.Client.GetAsync("/api/v1/enterprises/me")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var firmProfile = await (await firm.Client.GetAsync("/api/v1/enterprises/me")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        ownerProfile.Str("kind").ShouldBe("rig_owner");
        ownerProfile["profile"]!.Str("documentKind").ShouldBe("business_licence");
        firmProfile["profile"]!.Str("documentKind").ShouldBe("qualification_certificate");
        firmProfile["profile"]!["document"]!.Str("contentType").ShouldBe("application/pdf");
        firmProfile["profile"]!["document"]!.Str("sha256").Length.ShouldBe(64);
    }

    [Fact]
    public async Task Updating_the_profile_is_recorded_with_who_when_and_from_which_client()
    {
        var firm = await host.NewFirmAsync();

        // A new name and document under the same (bound) credit code.
        await (await firm.Client.SubmitProfileAsync(Scenarios.Profile(firm.CreditCode, await firm.Client.UploadPdfAsync()))).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var history = (await (await firm.Client.GetAsync($"/api/v1/enterprises/{firm.EnterpriseId}/history")).ShouldHaveStatusAsync(HttpStatusCode.OK)).AsArray();
        history.Select(e => e!.Str("type")).ShouldBe(["enterprises.enterprise_registered", "enterprises.profile_completed", "enterprises.profile_updated"]);
        history.ShouldAllBe(e => e!.Id("accountId") == firm.AccountId && e!.Str("client") == "api" && e!.Id("enterpriseId") == firm.EnterpriseId);
        history[2]!["data"]!["profile"]!.Str("creditCode").ShouldBe(firm.CreditCode);
        history[2]!["data"]!["profile"]!.Str("name").ShouldNotBe(history[1]!["data"]!["profile"]!.Str("name"));
    }

    [Fact]
    public async Task Nobody_reads_another_enterprises_history_but_the_admin()
    {
        var firm = await host.NewFirmAsync();
        var rival = await host.NewFirmAsync();
        using var admin = await host.SignedInAdminAsync();

        await (await rival.Client.GetAsync($"/api/v1/enterprises/{firm.EnterpriseId}/history")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "resource.not_found");
        await (await admin.GetAsync($"/api/v1/enterprises/{firm.EnterpriseId}/history")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var all = await (await admin.GetAsync("/api/v1/enterprises")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        all.AsArray().Select(e => e!.Id("enterpriseId")).ShouldContain(firm.EnterpriseId);
        await (await firm.Client.GetAsync("/api/v1/enterprises")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.role_forbidden");
    }

    [Fact]
    public async Task Personnel_learns_the_enterprise_name_through_the_outbox()
    {
        var firm = await host.NewFirmAsync();
        var expected = (await (await firm.Client.GetAsync("/api/v1/enterprises/me")).ShouldHaveStatusAsync(HttpStatusCode.OK))["profile"]!.Str("name");

        var me = await Scenarios.EventuallyAsync(
            async () => await (await firm.Client.GetAsync("/api/v1/accounts/me")).ShouldHaveStatusAsync(HttpStatusCode.OK),
            m => m["enterpriseName"] is not null);

        me.Str("enterpriseName").ShouldBe(expected);
    }
}
