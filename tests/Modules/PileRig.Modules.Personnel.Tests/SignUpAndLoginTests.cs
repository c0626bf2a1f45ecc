using System.Net;
using PileRig.Modules.Tests.Fixture;
using Shouldly;
using Xunit;

namespace PileRig.Modules.Personnel.Tests;

public sealed class SignUpAndLoginTests(PileRigHost host)
{
    [Fact]
    public async Task A_firm_signs_up_logs_in_with_a_token_and_sees_that_its_profile_is_still_missing()
    {
        using var client = host.NewClient();
        var (credentials, accountId, enterpriseId) = await client.RegisterAsync("supervision_firm");
        await client.SignInWithTokenAsync(credentials);

        var me = await (await client.GetAsync("/api/v1/accounts/me")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        me.Id("accountId").ShouldBe(accountId);
        me.Id("enterpriseId").ShouldBe(enterpriseId);
        me.Str("role").ShouldBe("supervision_firm");
        me["profileComplete"]!.GetValue<bool>().ShouldBeFalse();
        me["mustChangePassword"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task A_username_already_taken_is_refused_whatever_its_case()
    {
        using var client = host.NewClient();
        var (credentials, _, _) = await client.RegisterAsync("rig_owner");

        var again = await client.PostAsync("/api/v1/accounts/register",
            new { username = credentials.Username.ToUpperInvariant(), password = Scenarios.Password, mobile = TestData.Mobile(), kind = "rig_owner" });

        var problem = await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "personnel.username_taken");
        problem.Str("detail").ShouldContain(credentials.Username.ToUpperInvariant());
    }

    [Theory]
    [InlineData("abcdefg1", true)]   // 8 characters, letters and digits: the boundary that passes
    [InlineData("abcdef1", false)]   // 7 characters
    [InlineData("abcdefgh", false)]  // no digit
    [InlineData("12345678", false)]  // no letter
    public async Task The_password_policy_needs_eight_characters_with_letters_and_digits(string password, bool accepted)
    {
        using var client = host.NewClient();
        var response = await client.PostAsync("/api/v1/accounts/register",
            new { username = TestData.Username(), password, mobile = TestData.Mobile(), kind = "supervision_firm" });

        if (accepted)
        {
            await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        }
        else
        {
            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
            problem.FieldCodes("password").ShouldBe(["personnel.password_policy"]);
        }
    }

    [Theory]
    [InlineData("13800000000", true)]
    [InlineData("19912345678", true)]
    [InlineData("12800000000", false)]  // second digit must be 3–9
    [InlineData("1380000000", false)]   // 10 digits
    [InlineData("138000000000", false)] // 12 digits
    [InlineData("1380000000a", false)]
    public async Task Mobile_numbers_must_be_1_then_3_to_9_then_nine_digits(string mobile, bool accepted)
    {
        using var client = host.NewClient();
        var response = await client.PostAsync("/api/v1/accounts/register",
            new { username = TestData.Username(), password = Scenarios.Password, mobile, kind = "rig_owner" });

        if (accepted)
        {
            await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        }
        else
        {
            (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed")).FieldCodes("mobile")
                .ShouldBe(["validation.mobile_format"]);
        }
    }

    [Fact]
    public async Task Every_invalid_field_is_named_with_its_rule_in_Chinese_by_default_and_in_English_on_request()
    {
        using var chinese = host.NewClient();
        using var english = host.NewClient("en-US,en;q=0.9");
        var bad = new { username = "x", password = "short", mobile = "1", kind = "contractor" };

        var zh = await (await chinese.PostAsync("/api/v1/accounts/register", bad)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        var en = await (await english.PostAsync("/api/v1/accounts/register", bad)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");

        zh.FieldCodes("username").ShouldBe(["personnel.username_format"]);
        zh.FieldCodes("password").ShouldBe(["personnel.password_policy"]);
        zh.FieldCodes("mobile").ShouldBe(["validation.mobile_format"]);
        zh.FieldCodes("kind").ShouldBe(["personnel.enterprise_kind"]);
        zh.Str("title").ShouldBe("提交的信息有误");
        zh.Str("detail").ShouldContain("手机号码格式不正确");
        en.Str("title").ShouldBe("Some fields are not valid");
        en.Str("detail").ShouldContain("Mobile number must be 11 digits");
    }

    [Fact]
    public async Task Unreadable_json_is_a_clear_400_not_a_server_error()
    {
        using var client = host.NewClient();

        var response = await client.PostRawAsync("/api/v1/accounts/register", "{\"username\": ");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.malformed");
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_answer()
    {
        using var client = host.NewClient();
        var (credentials, _, _) = await client.RegisterAsync("rig_owner");

        var wrongPassword = await client.LogInAsync(credentials with { Password = "wrongpass1" });
        var unknownUser = await client.LogInAsync(new Credentials(TestData.Username(), Scenarios.Password));

        var first = await wrongPassword.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "personnel.invalid_credentials");
        var second = await unknownUser.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "personnel.invalid_credentials");
        first.Str("detail").ShouldBe(second.Str("detail"));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        using var owner = host.NewClient();
        var (credentials, _, _) = await owner.RegisterAsync("rig_owner");
        // Attempts from different addresses: the per-account lockout, not the per-address limit, is what stops them.
        for (var i = 0; i < 4; i++)
        {
            using var attacker = host.NewClient();
            await (await attacker.LogInAsync(credentials with { Password = "guess" + i + "xx" }))
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "personnel.invalid_credentials");
        }

        using (var attacker = host.NewClient())
        {
            await (await attacker.LogInAsync(credentials with { Password = "guess5xx" }))
                .ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "personnel.account_locked");
        }

        await (await owner.LogInAsync(credentials)).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "personnel.account_locked");
    }

    [Fact]
    public async Task Login_attempts_from_one_address_are_limited_per_minute()
    {
        using var client = host.NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 21; i++)
        {
            statuses.Add((await client.LogInAsync(new Credentials(TestData.Username(), Scenarios.Password))).StatusCode);
        }

        statuses.Take(20).ShouldAllBe(s => s == HttpStatusCode.Forbidden);
        statuses[20].ShouldBe(HttpStatusCode.TooManyRequests);
        using var neighbour = host.NewClient();
        (await neighbour.LogInAsync(new Credentials(TestData.Username(), Scenarios.Password))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var limited = await client.LogInAsync(new Credentials(TestData.Username(), Scenarios.Password));
        await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "auth.too_many_attempts_ip");
    }

    [Fact]
    public async Task Without_signing_in_the_api_answers_401_with_a_problem()
    {
        using var client = host.NewClient();

        await (await client.GetAsync("/api/v1/accounts/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
        await (await client.GetAsync("/api/v1/engineers")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task One_account_logging_in_from_ten_devices_at_once_succeeds_on_every_one()
    {
        using var signUp = host.NewClient();
        var (credentials, _, _) = await signUp.RegisterAsync("supervision_firm");
        var devices = Enumerable.Range(0, 10).Select(_ => host.NewClient()).ToList();

        var answers = await Task.WhenAll(devices.Select(d => d.LogInAsync(credentials)));

        answers.Select(a => a.StatusCode).ShouldAllBe(status => status == HttpStatusCode.OK);
        devices.ForEach(d => d.Dispose());
    }
}
