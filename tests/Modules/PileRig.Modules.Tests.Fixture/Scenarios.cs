using System.Net;
using System.Text.Json.Nodes;
using Shouldly;

namespace PileRig.Modules.Tests.Fixture;

public sealed record Credentials(string Username, string Password);

/// <summary>A signed-in enterprise account (firm or owner) and what the tests need to know about it.</summary>
public sealed record EnterpriseUser(ApiClient Client, Credentials Credentials, Guid AccountId, Guid EnterpriseId, string CreditCode);

public sealed record EngineerAccount(Guid AccountId, Credentials Credentials, string Name, string Mobile);

/// <summary>State built the way users build it: through the HTTP API, never by writing tables.</summary>
public static class Scenarios
{
    public const string Password = "pileRig2026";

    public static async Task<(Credentials Credentials, Guid AccountId, Guid EnterpriseId)> RegisterAsync(this ApiClient client, string kind)
    {
        var credentials = new Credentials(TestData.Username(kind == "rig_owner" ? "owner" : "firm"), Password);
        var body = await (await client.PostAsync("/api/v1/accounts/register",
                new { username = credentials.Username, password = credentials.Password, mobile = TestData.Mobile(), kind }))
            .ShouldHaveStatusAsync(HttpStatusCode.Created);
        return (credentials, body.Id("accountId"), body.Id("enterpriseId"));
    }

    public static async Task<HttpResponseMessage> LogInAsync(this ApiClient client, Credentials credentials, bool useCookies = false) =>
        await client.PostAsync("/api/v1/auth/login" + (useCookies ? "?useCookies=true" : ""),
            new { username = credentials.Username, password = credentials.Password });

    /// <summary>Logs in for a bearer token and sends it from now on.</summary>
    public static async Task SignInWithTokenAsync(this ApiClient client, Credentials credentials)
    {
        var token = await (await client.LogInAsync(credentials)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        client.UseBearer(token.Str("accessToken"));
    }

    /// <summary>Logs in for the browser cookie, then fetches the anti-forgery token as the web client does.</summary>
    public static async Task SignInWithCookieAsync(this ApiClient client, Credentials credentials)
    {
        await (await client.LogInAsync(credentials, useCookies: true)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var antiforgery = await (await client.GetAsync("/api/v1/auth/antiforgery")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        client.UseAntiforgeryToken(antiforgery.Str("token"));
    }

    public static async Task<Guid> UploadPdfAsync(this ApiClient client) =>
        (await (await client.UploadAsync(TestFiles.Pdf, "证书.pdf")).ShouldHaveStatusAsync(HttpStatusCode.Created)).Id("id");

    public static object Profile(string creditCode, Guid documentFileId, bool? confirm = null) => new
    {
        name = "宁波" + Guid.NewGuid().ToString("N")[..6] + "工程监理有限公司",
        creditCode,
        address = "宁波市鄞州区天童南路 1 号",
        legalRepresentative = "张三",
        contactName = "李四",
        contactPhone = "0574-87654321",
        documentFileId,
        confirmCreditCodeCheckFailure = confirm,
    };

    public static Task<HttpResponseMessage> SubmitProfileAsync(this ApiClient client, object profile) =>
        client.PutAsync("/api/v1/enterprises/me/profile", profile);

    /// <summary>A registered, signed-in (bearer) enterprise account whose profile is complete.</summary>
    public static async Task<EnterpriseUser> NewEnterpriseAsync(this IHostUnderTest host, string kind = "supervision_firm")
    {
        var client = host.NewClient();
        var (credentials, accountId, enterpriseId) = await client.RegisterAsync(kind);
        await client.SignInWithTokenAsync(credentials);
        var creditCode = TestData.CreditCode();
        await (await client.SubmitProfileAsync(Profile(creditCode, await client.UploadPdfAsync()))).ShouldHaveStatusAsync(HttpStatusCode.OK);
        return new EnterpriseUser(client, credentials, accountId, enterpriseId, creditCode);
    }

    public static Task<EnterpriseUser> NewFirmAsync(this IHostUnderTest host) => host.NewEnterpriseAsync("supervision_firm");

    public static Task<EnterpriseUser> NewOwnerAsync(this IHostUnderTest host) => host.NewEnterpriseAsync("rig_owner");

    public static async Task<EngineerAccount> CreateEngineerAsync(this EnterpriseUser firm, string name = "王工")
    {
        var mobile = TestData.Mobile();
        var created = await (await firm.Client.PostAsync("/api/v1/engineers", new { name, mobile })).ShouldHaveStatusAsync(HttpStatusCode.Created);
        return new EngineerAccount(created.Id("accountId"), new Credentials(created.Str("username"), created.Str("password")), name, mobile);
    }

    /// <summary>An engineer of the firm who has logged in and changed the generated password: ready to work.</summary>
    public static async Task<(ApiClient Client, EngineerAccount Engineer)> NewActiveEngineerAsync(this IHostUnderTest host, EnterpriseUser firm)
    {
        var engineer = await firm.CreateEngineerAsync();
        var client = host.NewClient();
        await client.SignInWithTokenAsync(engineer.Credentials);
        var changed = await (await client.PostAsync("/api/v1/accounts/me/password",
            new { currentPassword = engineer.Credentials.Password, newPassword = Password })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        client.UseBearer(changed.Str("accessToken"));
        return (client, engineer with { Credentials = engineer.Credentials with { Password = Password } });
    }

    public static async Task<ApiClient> SignedInAdminAsync(this IHostUnderTest host)
    {
        var client = host.NewClient();
        await client.SignInWithTokenAsync(new Credentials(PileRigHost.AdminUsername, host.AdminPassword));
        return client;
    }

    /// <summary>Polls until the condition holds: for effects delivered by durable messages between modules.</summary>
    /// <summary>A regulator of <paramref name="jurisdiction"/>, created by the admin, signed in with its own password set.</summary>
    public static async Task<ApiClient> NewRegulatorAsync(this IHostUnderTest host, string jurisdiction)
    {
        using var admin = await host.SignedInAdminAsync();
        var created = await (await admin.PostAsync("/api/v1/regulators",
            new { name = "监管员", mobile = TestData.Mobile(), organisation = "安监站", jurisdictions = new[] { jurisdiction } })).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var client = host.NewClient();
        await client.SignInWithTokenAsync(new Credentials(created.Str("username"), created.Str("password")));
        var changed = await (await client.PostAsync("/api/v1/accounts/me/password", new { currentPassword = created.Str("password"), newPassword = Password }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        client.UseBearer(changed.Str("accessToken"));
        return client;
    }

    /// <summary>The rows of a list's first page (lists answer <c>{ items, total, nextCursor }</c>).</summary>
    public static async Task<JsonArray> ItemsAsync(this ApiClient client, string path) =>
        (await (await client.GetAsync(path)).ShouldHaveStatusAsync(HttpStatusCode.OK))["items"]!.AsArray();

    /// <summary>A list's rows once they show what was written in the background (failed scans are recorded in batches).</summary>
    public static Task<JsonArray> EventuallyItemsAsync(this ApiClient client, string path, Func<JsonArray, bool> done) =>
        EventuallyAsync(() => client.ItemsAsync(path), done);

    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var value = await probe();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(100);
        }
    }
}

/// <summary>Projects built through the API.</summary>
public static class ProjectScenarios
{
    public const string Jurisdiction = "330212";

    public static object NewProject(IEnumerable<Guid>? engineerIds = null, string? permit = "330212202403150101", string? investment = null,
        string contractors = "宁波建工股份有限公司", string jurisdiction = Jurisdiction) => new
    {
        name = "鄞州区某某地块项目一标段 " + Guid.NewGuid().ToString("N")[..6],
        constructionPermitNumber = permit,
        investmentProjectCode = investment,
        pilingContractors = contractors,
        jurisdictionCode = jurisdiction,
        address = "宁波市鄞州区首南街道",
        engineerIds = engineerIds?.ToArray() ?? [],
    };

    public static async Task<System.Text.Json.Nodes.JsonNode> RegisterProjectAsync(this ApiClient client, object project) =>
        await (await client.PostAsync("/api/v1/projects", project)).ShouldHaveStatusAsync(HttpStatusCode.Created);
}

/// <summary>Rigs registered through the API by a rig owner.</summary>
public static class RigScenarios
{
    public static async Task<object> NewRigAsync(this EnterpriseUser owner, string? maker = null, string? serial = null, string? certificate = null,
        decimal ratedHeight = 33.5m, bool topMounted = false, int powerHeads = 1, object[]? components = null, string typeCode = "multi_axis_mixing",
        string manufactureDate = "2019-05-20", string certificateValidUntil = "2030-12-31") => new
    {
        typeCode,
        maker = maker ?? "浙江振中工程机械",
        model = "ZZ-85",
        factorySerial = serial ?? "SN" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(),
        manufactureDate,
        certificateNumber = certificate ?? "HG" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(),
        certificateFileId = await owner.Client.UploadPdfAsync(),
        certificateValidUntil,
        ratedMaxHeightMetres = ratedHeight,
        topMountedPowerHead = topMounted,
        powerHeadCount = powerHeads,
        photoFileIds = new[] { (await (await owner.Client.UploadAsync(TestFiles.Png, "rig.png")).ShouldHaveStatusAsync(HttpStatusCode.Created)).Id("id") },
        components = components ??
        [
            new { kind = "mast_section", serial = "M-01" },
            new { kind = "mast_section", serial = "M-02" },
            new { kind = "brace", serial = "B-01" },
            new { kind = "power_head", serial = "P-01" },
        ],
    };

    public static async Task<JsonNode> RegisterRigAsync(this EnterpriseUser owner, object rig) =>
        await (await owner.Client.PostAsync("/api/v1/rigs", rig)).ShouldHaveStatusAsync(HttpStatusCode.Created);
}
