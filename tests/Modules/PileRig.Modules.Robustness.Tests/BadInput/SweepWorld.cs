using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using PileRig.Modules.Tests.Fixture;
using PileRig.SharedKernel.Values;
using Shouldly;

namespace PileRig.Modules.Robustness.Tests.BadInput;

/// <summary>
/// The world the sweep probes: one account of every role, a project with a rig in use on it, a flagged rig, files,
/// a notification — built through the API — and good values for every parameter and field, so that each probe
/// differs from a request that would succeed in one place only.
/// </summary>
public sealed class SweepWorld
{
    private readonly Dictionary<string, Guid> _files = [];
    private readonly Dictionary<(string Operation, string Role), bool> _permitted = [];
    private int _counter;

    public required IReadOnlyList<(string Role, ApiClient Client)> Roles { get; init; }

    public required Guid ProjectId { get; init; }

    /// <summary>A project only the sweep completes, so the others stay usable.</summary>
    public required Guid ProjectToComplete { get; init; }

    public required Guid RigId { get; init; }

    public required Guid ComponentId { get; init; }

    public required string BaseUnitUrl { get; init; }

    public required Guid VerificationId { get; init; }

    public required Guid UsageId { get; init; }

    public required Guid FlaggedRigId { get; init; }

    public required Guid FlagId { get; init; }

    /// <summary>An engineer only the sweep disables, enables and resets, so the sweep's own engineer keeps working.</summary>
    public required Guid OtherEngineerId { get; init; }

    public required Guid EngineerId { get; init; }

    public required Guid FirmEnterpriseId { get; init; }

    public required string FileSha256 { get; init; }

    public required string NotificationId { get; init; }

    public required string ZoneToRetire { get; init; }

    public byte[] Pdf { get; } = TestFiles.Pdf;

    public byte[] MultipartPdf =>
    [
        .. "--sweep-boundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"u8,
        .. Pdf,
        .. "\r\n--sweep-boundary--\r\n"u8,
    ];

    public static async Task<SweepWorld> BuildAsync(PileRigHost host)
    {
        var s = await SupervisionScenario.CreateAsync(host);
        var admin = await host.SignedInAdminAsync();
        var regulator = await host.NewRegulatorAsync(ProjectScenarios.Jurisdiction);
        var verification = await s.VerifiedAsync();
        var usage = await (await SupervisionScenario.RegisterAsync(s.Engineer, verification)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var toComplete = (await s.Firm.Client.RegisterProjectAsync(ProjectScenarios.NewProject([s.EngineerAccount.AccountId]))).Id("projectId");

        var flaggedRig = await s.Owner.RegisterRigAsync(await s.Owner.NewRigAsync());
        var flaggedVerification = await SupervisionScenario.StartAsync(s.Engineer, s.ProjectId, flaggedRig["baseUnit"]!.Str("url"));
        flaggedVerification.Id("verificationId").ShouldNotBe(Guid.Empty);
        var flag = await (await s.Engineer.PostAsync($"/api/v1/rigs/{flaggedRig.Id("rigId")}/flags", new
        {
            projectId = s.ProjectId, category = "unqualified", reason = "斜撑开裂", photoFileIds = new[] { await s.PhotoAsync(s.Engineer) },
        })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var inbox = await Scenarios.EventuallyAsync(
            async () => (await (await s.Owner.Client.GetAsync("/api/v1/notifications")).ShouldHaveStatusAsync(HttpStatusCode.OK))["items"]!.AsArray(),
            items => items.Count > 0);
        var other = await s.Firm.CreateEngineerAsync("李工");
        var zone = "zone-" + Guid.NewGuid().ToString("N")[..8];
        await (await admin.PostAsync("/api/v1/jurisdictions", new { code = zone, nameZh = "试验功能区", nameEn = "Trial zone", kind = "functional_zone" }))
            .ShouldHaveStatusAsync(HttpStatusCode.Created);
        var upload = await (await s.Owner.Client.UploadAsync(TestFiles.Pdf, "证书.pdf")).ShouldHaveStatusAsync(HttpStatusCode.Created);

        var world = new SweepWorld
        {
            Roles = [("admin", admin), ("regulator", regulator), ("supervision_firm", s.Firm.Client), ("engineer", s.Engineer), ("rig_owner", s.Owner.Client)],
            ProjectId = s.ProjectId,
            ProjectToComplete = toComplete,
            RigId = s.RigId,
            ComponentId = s.Rig["components"]!.AsArray()[0]!.Id("componentId"),
            BaseUnitUrl = s.BaseUnitUrl,
            VerificationId = verification,
            UsageId = usage.Id("id"),
            FlaggedRigId = flaggedRig.Id("rigId"),
            FlagId = flag.Id("flagId"),
            OtherEngineerId = other.AccountId,
            EngineerId = s.EngineerAccount.AccountId,
            FirmEnterpriseId = s.Firm.EnterpriseId,
            FileSha256 = upload.Str("sha256"),
            NotificationId = inbox[0]!.Str("id"),
            ZoneToRetire = zone,
        };
        foreach (var (role, client) in world.Roles)
        {
            world._files[role] = await client.UploadPdfAsync();
        }

        return world;
    }

    /// <summary>Whether the role may call the operation at all (found out once, with a body no endpoint accepts).</summary>
    public bool MayCall(Operation operation, string role) => _permitted.GetValueOrDefault((operation.ToString(), role));

    public async Task LearnPermissionAsync(Operation operation, string role, ApiClient client, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), url)
        {
            Content = new StringContent("{\"x\":", Encoding.UTF8, "application/json"),
        };
        var status = (await client.SendAsync(request)).StatusCode;
        _permitted[(operation.ToString(), role)] = status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
    }

    public string PathValue(string path, string name, string role) => name switch
    {
        "projectId" when path.EndsWith("/complete", StringComparison.Ordinal) => ProjectToComplete.ToString(),
        "projectId" => ProjectId.ToString(),
        "rigId" when path.Contains("/flags/", StringComparison.Ordinal) => FlaggedRigId.ToString(),
        "rigId" => RigId.ToString(),
        "id" when path.StartsWith("/api/v1/rigs/", StringComparison.Ordinal) => RigId.ToString(),
        "id" when path.StartsWith("/api/v1/projects/", StringComparison.Ordinal) => ProjectId.ToString(),
        "id" => NotificationId,
        "componentId" => ComponentId.ToString(),
        "verificationId" => VerificationId.ToString(),
        "usageId" => UsageId.ToString(),
        "flagId" => FlagId.ToString(),
        "engineerId" or "accountId" => OtherEngineerId.ToString(),
        "enterpriseId" => FirmEnterpriseId.ToString(),
        "sha256" => FileSha256,
        "itemCode" => BaseUnitUrl.Split('/').Last().Split('.')[0],
        "token" => BaseUnitUrl.Split('/').Last(),
        "code" => ZoneToRetire,
        "day" => ChinaTime.DayOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"No good value for the path parameter {name} of {path} (role {role})"),
    };

    public string QueryValue(Parameter parameter) => parameter.Name switch
    {
        "at" => "2026-06-21T08%3A00%3A00%2B08%3A00",
        "from" => "2026-01-01",
        "to" => "2026-12-31",
        "page" => "1",
        "pageSize" => "20",
        "useCookies" or "includeRetired" or "unread" => "false",
        _ => "",
    };

    /// <summary>A good body for the schema, as the role would send it.</summary>
    public JsonObject Body(JsonObject schema, OpenApiOperations openApi, string role)
    {
        var body = new JsonObject();
        foreach (var (name, propertySchema) in schema["properties"]?.AsObject() ?? [])
        {
            body[name] = Value(name, openApi.Resolve(propertySchema!.AsObject()), openApi, role);
        }

        return body;
    }

    private JsonNode? Value(string name, JsonObject schema, OpenApiOperations openApi, string role)
    {
        var unique = Interlocked.Increment(ref _counter).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        switch (name)
        {
            case "photoFileIds":
                return new JsonArray(_files.GetValueOrDefault(role).ToString());
            case var n when n.EndsWith("FileId", StringComparison.Ordinal):
                return _files.GetValueOrDefault(role).ToString();
            case "projectId":
                return ProjectId.ToString();
            case "engineerIds":
                return new JsonArray(EngineerId.ToString());
            case "creditCode":
                return TestData.CreditCode();
            case "mobile":
                return TestData.Mobile();
            case "contactPhone":
                return "0574-87654321";
            case "username":
                return "sweep" + unique;
            case "password" or "newPassword":
                return "pileRig2027";
            case "currentPassword":
                return "notTheRight1";
            case "typeCode":
                return "rotary_drilling";
            case "jurisdictionCode":
                return ProjectScenarios.Jurisdiction;
            case "jurisdictions":
                return new JsonArray(ProjectScenarios.Jurisdiction);
            case "constructionPermitNumber":
                return "330212202403150101";
            case "investmentProjectCode":
                return null;
            case "pilingContractors":
                return "宁波建工股份有限公司";
            case "scanned":
                return BaseUnitUrl;
            case "code":
                return "sweep_" + unique;
            case "manufactureDate":
                return "2019-05-20";
            case "certificateValidUntil":
                return "2030-12-31";
            case "validFrom":
                return "2026-01-01";
            case "installedHeightMetres":
                return 20;
            case "ratedMaxHeightMetres":
                return 30;
            case "powerHeadCount":
                return 1;
        }

        if (schema["enum"] is JsonArray values)
        {
            return values[0]!.DeepClone();
        }

        if (OpenApiOperations.IsType(schema, "boolean"))
        {
            return false;
        }

        if (OpenApiOperations.IsType(schema, "integer") || OpenApiOperations.IsType(schema, "number"))
        {
            return 1;
        }

        if (OpenApiOperations.IsType(schema, "array"))
        {
            var items = schema["items"] is JsonObject i ? openApi.Resolve(i) : new JsonObject();
            return items["properties"] is not null ? new JsonArray(Body(items, openApi, role)) : new JsonArray(Value(name.TrimEnd('s'), items, openApi, role));
        }

        if (schema["properties"] is not null)
        {
            return Body(schema, openApi, role);
        }

        return schema["format"]?.GetValue<string>() switch
        {
            "uuid" => Guid.NewGuid().ToString(),
            "date" => "2026-06-21",
            "date-time" => "2026-06-21T08:00:00+08:00",
            _ => "测试" + unique,
        };
    }
}
