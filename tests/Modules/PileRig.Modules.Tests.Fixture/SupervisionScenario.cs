using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Shouldly;

namespace PileRig.Modules.Tests.Fixture;

/// <summary>A firm with an engineer on a project, and an owner's rig ready to be verified there.</summary>
public sealed record SupervisionScenario(IHostUnderTest Host, EnterpriseUser Firm, ApiClient Engineer, EngineerAccount EngineerAccount, Guid ProjectId,
    string ProjectName, EnterpriseUser Owner, JsonNode Rig)
{
    public Guid RigId => Rig.Id("rigId");

    public string BaseUnitUrl => Rig["baseUnit"]!.Str("url");

    public IEnumerable<JsonNode> Components(string kind) => Rig["components"]!.AsArray().Where(c => c!.Str("kind") == kind).Select(c => c!);

    public static async Task<SupervisionScenario> CreateAsync(IHostUnderTest host, object? rig = null, EnterpriseUser? owner = null,
        string jurisdiction = ProjectScenarios.Jurisdiction)
    {
        var firm = await host.NewFirmAsync();
        var (engineer, account) = await host.NewActiveEngineerAsync(firm);
        var project = await firm.Client.RegisterProjectAsync(ProjectScenarios.NewProject([account.AccountId], jurisdiction: jurisdiction));
        owner ??= await host.NewOwnerAsync();
        var registered = await owner.RegisterRigAsync(rig ?? await owner.NewRigAsync());
        return new SupervisionScenario(host, firm, engineer, account, project.Id("projectId"), project.Str("name"), owner, registered);
    }

    /// <summary>Another project of another firm, with its own engineer.</summary>
    public async Task<(ApiClient Engineer, Guid ProjectId, string ProjectName)> AnotherProjectAsync()
    {
        var firm = await Host.NewFirmAsync();
        var (engineer, account) = await Host.NewActiveEngineerAsync(firm);
        var project = await firm.Client.RegisterProjectAsync(ProjectScenarios.NewProject([account.AccountId]));
        return (engineer, project.Id("projectId"), project.Str("name"));
    }

    public static async Task<JsonNode> StartAsync(ApiClient client, Guid projectId, string scanned) =>
        await (await client.PostAsync($"/api/v1/projects/{projectId}/verifications", new { scanned })).ShouldHaveStatusAsync(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> ScanAsync(ApiClient client, Guid verificationId, string scanned) =>
        client.PostAsync($"/api/v1/verifications/{verificationId}/scans", new { scanned });

    /// <summary>Starts a verification and scans every structural component: ready for entry.</summary>
    public async Task<Guid> VerifiedAsync(ApiClient? client = null, Guid? projectId = null)
    {
        client ??= Engineer;
        var verification = await StartAsync(client, projectId ?? ProjectId, BaseUnitUrl);
        foreach (var component in Rig["components"]!.AsArray().Where(c => c!["structural"]!.GetValue<bool>()))
        {
            await (await ScanAsync(client, verification.Id("verificationId"), component!["code"]!.Str("url"))).ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        return verification.Id("verificationId");
    }

    public static async Task<HttpResponseMessage> RegisterAsync(ApiClient client, Guid verificationId, decimal height = 30m, int heads = 1,
        Guid? form = null, string? idempotencyKey = null)
    {
        var body = new { installedHeightMetres = height, powerHeadCount = heads, entryInspectionFormFileId = form ?? await client.UploadPdfAsync() };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/verifications/{verificationId}/usage") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    public async Task<Guid> PhotoAsync(ApiClient client) =>
        (await (await client.UploadAsync(TestFiles.Jpeg, "site.jpg")).ShouldHaveStatusAsync(HttpStatusCode.Created)).Id("id");
}
