using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PileRig.BuildingBlocks.Http;
using PileRig.Modules.Tests.Fixture;
using Shouldly;
using Xunit;

namespace PileRig.Modules.Robustness.Tests;

/// <summary>
/// A phone that resends a command (no signal, a retry from its queue, a double tap) must get the first answer and
/// change nothing more: 16 sends of one key at the same moment on every command route get identical answers from one
/// execution; a send whose client vanished mid-flight is answered on retry with what was stored.
/// </summary>
public sealed class IdempotencyTests(PileRigHost host)
{
    private const int Width = 16;

    public static TheoryData<string> Routes() =>
    [
        "upload a file", "submit a profile", "register a project", "edit a project", "change a project's engineers", "complete a project",
        "add a jurisdiction", "retire a jurisdiction", "register a rig", "add a component", "replace a component", "remove a component",
        "add a rig type", "start a verification", "scan a component", "scan a batch of components", "register an entry", "flag a rig", "clear a flag", "register an exit",
        "spot-check a rig", "disable an engineer", "enable an engineer", "change one's password", "read a notification", "read every notification",
    ];

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Sixteen_sends_of_one_key_at_once_get_one_answer_from_one_execution(string route)
    {
        var send = await PrepareAsync(route);
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, Width).Select(_ => AnswerOf(send(key))));

        var report = string.Join("\n", answers.Select(a => $"{a.Status} replayed={a.Replayed} {a.Body}"));
        if (route == "change one's password")
        {
            // The change ends the session it was sent from: a send that reaches the server after the change committed
            // is signed out (401), whichever key it carries. The others get the one answer.
            answers.Where(a => a.Status == HttpStatusCode.Unauthorized).ShouldAllBe(a => a.Body.Contains("auth.unauthenticated"), report);
            answers = answers.Where(a => a.Status != HttpStatusCode.Unauthorized).ToArray();
        }

        answers.Select(a => a.Status).Distinct().ShouldHaveSingleItem(report);
        ((int)answers[0].Status).ShouldBeInRange(200, 299, report);
        answers.Select(a => a.Body).Distinct().ShouldHaveSingleItem(report);
        answers.Count(a => !a.Replayed).ShouldBe(1, "exactly one send was carried out; the others got its answer\n" + report);

        if (route != "change one's password") // the old session ended with the change: its later sends are signed out
        {
            var later = await AnswerOf(send(key));
            later.Replayed.ShouldBeTrue();
            later.Body.ShouldBe(answers[0].Body);
        }
    }

    public static TheoryData<string> SecretRoutes() => ["create an engineer", "create a regulator", "reset an engineer's password"];

    [Theory]
    [MemberData(nameof(SecretRoutes))]
    public async Task A_generated_password_is_shown_once_and_a_resend_of_its_key_is_told_it_was_not_kept(string route)
    {
        var send = await PrepareAsync(route);
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, Width).Select(_ => send(key)));

        var report = string.Join("\n", await Task.WhenAll(answers.Select(async a => $"{(int)a.StatusCode} {await a.Content.ReadAsStringAsync()}")));
        answers.Count(a => a.IsSuccessStatusCode).ShouldBe(1, report);
        (await answers.Single(a => a.IsSuccessStatusCode).JsonAsync()).Str("password").ShouldNotBeNullOrEmpty();
        foreach (var other in answers.Where(a => !a.IsSuccessStatusCode))
        {
            (await other.ShouldBeProblemAsync(HttpStatusCode.Conflict, "idempotency.answer_not_kept")).Str("detail").ShouldContain("重置密码");
        }
    }

    [Fact]
    public async Task A_key_sent_again_with_a_different_body_is_refused_and_changes_nothing()
    {
        var firm = await host.NewFirmAsync();
        var key = Guid.NewGuid().ToString();
        await (await Send(firm.Client, HttpMethod.Post, "/api/v1/projects", ProjectScenarios.NewProject(), key)).ShouldHaveStatusAsync(HttpStatusCode.Created);

        await (await Send(firm.Client, HttpMethod.Post, "/api/v1/projects", ProjectScenarios.NewProject(), key))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "idempotency.key_reused");

        (await (await firm.Client.GetAsync("/api/v1/projects")).ShouldHaveStatusAsync(HttpStatusCode.OK)).AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_answered_key_is_kept_for_48_hours_then_swept_and_the_same_key_is_a_new_request()
    {
        var firm = await host.NewFirmAsync();
        var key = Guid.NewGuid().ToString();
        var project = ProjectScenarios.NewProject();
        await (await Send(firm.Client, HttpMethod.Post, "/api/v1/projects", project, key)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var sweep = host.Services.GetRequiredService<IdempotencySweep>();

        await sweep.SweepAsync(DateTimeOffset.UtcNow.AddHours(47), CancellationToken.None);
        (await Send(firm.Client, HttpMethod.Post, "/api/v1/projects", project, key)).Headers.Contains("Idempotent-Replayed").ShouldBeTrue();

        await sweep.SweepAsync(DateTimeOffset.UtcNow.AddHours(49), CancellationToken.None);
        var again = await Send(firm.Client, HttpMethod.Post, "/api/v1/projects", project, key);
        again.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        await again.ShouldHaveStatusAsync(HttpStatusCode.Created);
        (await (await firm.Client.GetAsync("/api/v1/projects")).ShouldHaveStatusAsync(HttpStatusCode.OK)).AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task An_entry_whose_phone_lost_the_connection_while_it_was_being_saved_is_answered_on_retry_with_what_was_saved()
    {
        var s = await SupervisionScenario.CreateAsync(host);
        var verification = await s.VerifiedAsync();
        var form = await s.Engineer.UploadPdfAsync();
        var key = Guid.NewGuid().ToString();

        // Hold the rig's stream row, so the entry's commit waits; meanwhile the phone gives up and disconnects.
        await using var blocker = new NpgsqlConnection(host.ConnectionString);
        await blocker.OpenAsync();
        await using var hold = await blocker.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("select 1 from events.mt_streams where id = $1 for update", blocker, hold))
        {
            lockRow.Parameters.Add(new NpgsqlParameter { Value = s.RigId });
            await lockRow.ExecuteNonQueryAsync();
        }

        using var gaveUp = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await Should.ThrowAsync<TaskCanceledException>(() => s.Engineer.SendAsync(EntryRequest(verification, form, key), gaveUp.Token));
        await hold.RollbackAsync();

        var retried = await Scenarios.EventuallyAsync(() => s.Engineer.SendAsync(EntryRequest(verification, form, key)),
            r => r.Headers.Contains("Idempotent-Replayed"));
        var usage = await retried.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var usages = (await (await s.Engineer.GetAsync($"/api/v1/rigs/{s.RigId}/usages")).ShouldHaveStatusAsync(HttpStatusCode.OK)).AsArray();
        usages.Select(u => u!.Id("id")).ShouldBe([usage.Id("id")]);
    }

    private static HttpRequestMessage EntryRequest(Guid verification, Guid form, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/verifications/{verification}/usage")
        {
            Content = JsonContent.Create(new { installedHeightMetres = 30m, powerHeadCount = 1, entryInspectionFormFileId = form }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private sealed record Answer(HttpStatusCode Status, string Body, bool Replayed);

    private static async Task<Answer> AnswerOf(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        var body = await response.Content.ReadAsStringAsync();
        // A problem's trace id names the request, not the answer; a session token is minted for each answer (a replayed
        // password change signs the phone in again, as the first did). Everything else must be the same.
        if (body.StartsWith('{') && JsonNode.Parse(body) is JsonObject json)
        {
            json.Remove("traceId");
            json.Remove("accessToken");
            json.Remove("refreshToken");
            body = json.ToJsonString();
        }

        return new Answer(response.StatusCode, body, response.Headers.Contains("Idempotent-Replayed"));
    }

    private static Task<HttpResponseMessage> Send(ApiClient client, HttpMethod method, string path, object? body, string key)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body ?? new { }) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    // For each route: the state it needs, and a function sending the same request with a given key.
    private async Task<Func<string, Task<HttpResponseMessage>>> PrepareAsync(string route)
    {
        switch (route)
        {
            case "upload a file":
            {
                var owner = await host.NewOwnerAsync();
                return key =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/files") { Content = new ByteArrayContent(Multipart) };
                    request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=pilerig-test-boundary");
                    request.Headers.Add("Idempotency-Key", key);
                    return owner.Client.SendAsync(request);
                };
            }

            case "submit a profile":
            {
                var client = host.NewClient();
                var (credentials, _, _) = await client.RegisterAsync("supervision_firm");
                await client.SignInWithTokenAsync(credentials);
                var profile = Scenarios.Profile(TestData.CreditCode(), await client.UploadPdfAsync());
                return key => Send(client, HttpMethod.Put, "/api/v1/enterprises/me/profile", profile, key);
            }

            case "register a project":
            {
                var firm = await host.NewFirmAsync();
                var project = ProjectScenarios.NewProject();
                return key => Send(firm.Client, HttpMethod.Post, "/api/v1/projects", project, key);
            }

            case "edit a project":
            {
                var firm = await host.NewFirmAsync();
                var id = (await firm.Client.RegisterProjectAsync(ProjectScenarios.NewProject())).Id("projectId");
                var edited = ProjectScenarios.NewProject(contractors: "宁波建工股份有限公司，浙江某某基础工程有限公司");
                return key => Send(firm.Client, HttpMethod.Put, $"/api/v1/projects/{id}", edited, key);
            }

            case "change a project's engineers":
            {
                var firm = await host.NewFirmAsync();
                var engineer = await firm.CreateEngineerAsync();
                var id = (await firm.Client.RegisterProjectAsync(ProjectScenarios.NewProject())).Id("projectId");
                return key => Send(firm.Client, HttpMethod.Put, $"/api/v1/projects/{id}/engineers", new { engineerIds = new[] { engineer.AccountId }, reason = "分工" }, key);
            }

            case "complete a project":
            {
                var firm = await host.NewFirmAsync();
                var id = (await firm.Client.RegisterProjectAsync(ProjectScenarios.NewProject())).Id("projectId");
                return key => Send(firm.Client, HttpMethod.Post, $"/api/v1/projects/{id}/complete", new { reason = "完工" }, key);
            }

            case "add a jurisdiction":
            {
                var admin = await host.SignedInAdminAsync();
                var zone = new { code = "zone-" + Guid.NewGuid().ToString("N")[..8], nameZh = "试验功能区", nameEn = "Trial zone", kind = "functional_zone" };
                return key => Send(admin, HttpMethod.Post, "/api/v1/jurisdictions", zone, key);
            }

            case "retire a jurisdiction":
            {
                var admin = await host.SignedInAdminAsync();
                var code = "zone-" + Guid.NewGuid().ToString("N")[..8];
                await (await admin.PostAsync("/api/v1/jurisdictions", new { code, nameZh = "试验功能区", nameEn = "Trial zone", kind = "functional_zone" }))
                    .ShouldHaveStatusAsync(HttpStatusCode.Created);
                return key => Send(admin, HttpMethod.Post, $"/api/v1/jurisdictions/{code}/retire", new { reason = "撤并" }, key);
            }

            case "register a rig":
            {
                var owner = await host.NewOwnerAsync();
                var rig = await owner.NewRigAsync();
                return key => Send(owner.Client, HttpMethod.Post, "/api/v1/rigs", rig, key);
            }

            case "add a component":
            {
                var owner = await host.NewOwnerAsync();
                var rig = await owner.RegisterRigAsync(await owner.NewRigAsync());
                return key => Send(owner.Client, HttpMethod.Post, $"/api/v1/rigs/{rig.Id("rigId")}/components", new { kind = "brace", serial = "B-02" }, key);
            }

            case "replace a component":
            case "remove a component":
            {
                var owner = await host.NewOwnerAsync();
                var rig = await owner.RegisterRigAsync(await owner.NewRigAsync());
                var component = rig["components"]!.AsArray()[0]!.Id("componentId");
                var path = $"/api/v1/rigs/{rig.Id("rigId")}/components/{component}/{(route == "replace a component" ? "replace" : "remove")}";
                object body = route == "replace a component" ? new { serial = "M-01R", reason = "开裂更换" } : new { reason = "报废" };
                return key => Send(owner.Client, HttpMethod.Post, path, body, key);
            }

            case "add a rig type":
            {
                var admin = await host.SignedInAdminAsync();
                var type = new { code = "type_" + Guid.NewGuid().ToString("N")[..8], nameZh = "试验桩机", nameEn = "Trial rig" };
                return key => Send(admin, HttpMethod.Post, "/api/v1/rig-types", type, key);
            }

            case "start a verification":
            {
                var s = await SupervisionScenario.CreateAsync(host);
                return key => Send(s.Engineer, HttpMethod.Post, $"/api/v1/projects/{s.ProjectId}/verifications", new { scanned = s.BaseUnitUrl }, key);
            }

            case "scan a component":
            {
                var s = await SupervisionScenario.CreateAsync(host);
                var verification = (await SupervisionScenario.StartAsync(s.Engineer, s.ProjectId, s.BaseUnitUrl)).Id("verificationId");
                var brace = s.Components("brace").First()["code"]!.Str("url");
                return key => Send(s.Engineer, HttpMethod.Post, $"/api/v1/verifications/{verification}/scans", new { scanned = brace }, key);
            }

            case "scan a batch of components":
            {
                var s = await SupervisionScenario.CreateAsync(host);
                var verification = (await SupervisionScenario.StartAsync(s.Engineer, s.ProjectId, s.BaseUnitUrl)).Id("verificationId");
                var codes = s.Rig["components"]!.AsArray().Select(c => c!["code"]!.Str("url")).Append("C1234567890.1ABCDEFGHJK").ToArray();
                return key => Send(s.Engineer, HttpMethod.Post, $"/api/v1/verifications/{verification}/scans/batch", new { scanned = codes }, key);
            }

            case "register an entry":
            {
                var s = await SupervisionScenario.CreateAsync(host);
                var verification = await s.VerifiedAsync();
                var form = await s.Engineer.UploadPdfAsync();
                return key => s.Engineer.SendAsync(EntryRequest(verification, form, key));
            }

            case "flag a rig":
            {
                var s = await SupervisionScenario.CreateAsync(host);
                await s.VerifiedAsync();
                var flag = new { projectId = s.ProjectId, category = "unqualified", reason = "斜撑开裂", photoFileIds = new[] { await s.PhotoAsync(s.Engineer) } };
                return key => Send(s.Engineer, HttpMethod.Post, $"/api/v1/rigs/{s.RigId}/flags", flag, key);
            }

            case "clear a flag":
            {
                var s = await SupervisionScenario.CreateAsync(host);
                await s.VerifiedAsync();
                var flagged = await (await s.Engineer.PostAsync($"/api/v1/rigs/{s.RigId}/flags", new
                {
                    projectId = s.ProjectId, category = "unqualified", reason = "斜撑开裂", photoFileIds = new[] { await s.PhotoAsync(s.Engineer) },
                })).ShouldHaveStatusAsync(HttpStatusCode.OK);
                var admin = await host.SignedInAdminAsync();
                return key => Send(admin, HttpMethod.Post, $"/api/v1/rigs/{s.RigId}/flags/{flagged.Id("flagId")}/clear", new { reason = "已整改复查合格" }, key);
            }

            case "register an exit":
            {
                var s = await SupervisionScenario.CreateAsync(host);
                var usage = await (await SupervisionScenario.RegisterAsync(s.Engineer, await s.VerifiedAsync())).ShouldHaveStatusAsync(HttpStatusCode.Created);
                return key => Send(s.Engineer, HttpMethod.Post, $"/api/v1/usages/{usage.Id("id")}/exit", new { note = "桩基完成" }, key);
            }

            case "spot-check a rig":
            {
                var s = await SupervisionScenario.CreateAsync(host);
                await (await SupervisionScenario.RegisterAsync(s.Engineer, await s.VerifiedAsync())).ShouldHaveStatusAsync(HttpStatusCode.Created);
                var regulator = await host.NewRegulatorAsync(ProjectScenarios.Jurisdiction);
                return key => Send(regulator, HttpMethod.Post, "/api/v1/spot-checks", new { scanned = s.BaseUnitUrl, jurisdictionCode = ProjectScenarios.Jurisdiction }, key);
            }

            case "disable an engineer":
            case "enable an engineer":
            {
                var firm = await host.NewFirmAsync();
                var engineer = await firm.CreateEngineerAsync();
                if (route == "enable an engineer")
                {
                    await (await firm.Client.PostAsync($"/api/v1/engineers/{engineer.AccountId}/disable", new { reason = "离职" })).ShouldHaveStatusAsync(HttpStatusCode.OK);
                }

                var action = route == "enable an engineer" ? "enable" : "disable";
                return key => Send(firm.Client, HttpMethod.Post, $"/api/v1/engineers/{engineer.AccountId}/{action}", new { reason = "调整" }, key);
            }

            case "change one's password":
            {
                var firm = await host.NewFirmAsync();
                var change = new { currentPassword = firm.Credentials.Password, newPassword = "another2026pw" };
                return key => Send(firm.Client, HttpMethod.Post, "/api/v1/accounts/me/password", change, key);
            }

            case "read a notification":
            case "read every notification":
            {
                var s = await SupervisionScenario.CreateAsync(host);
                await s.VerifiedAsync();
                await (await s.Engineer.PostAsync($"/api/v1/rigs/{s.RigId}/flags", new
                {
                    projectId = s.ProjectId, category = "unqualified", reason = "斜撑开裂", photoFileIds = new[] { await s.PhotoAsync(s.Engineer) },
                })).ShouldHaveStatusAsync(HttpStatusCode.OK);
                var inbox = await Scenarios.EventuallyAsync(
                    async () => (await (await s.Owner.Client.GetAsync("/api/v1/notifications")).ShouldHaveStatusAsync(HttpStatusCode.OK))["items"]!.AsArray(),
                    items => items.Count > 0);
                var path = route == "read every notification" ? "/api/v1/notifications/read" : $"/api/v1/notifications/{inbox[0]!.Str("id")}/read";
                return key => Send(s.Owner.Client, HttpMethod.Post, path, null, key);
            }

            case "create an engineer":
            {
                var firm = await host.NewFirmAsync();
                var engineer = new { name = "王工", mobile = TestData.Mobile() };
                return key => Send(firm.Client, HttpMethod.Post, "/api/v1/engineers", engineer, key);
            }

            case "create a regulator":
            {
                var admin = await host.SignedInAdminAsync();
                var regulator = new { name = "监管员", mobile = TestData.Mobile(), organisation = "安监站", jurisdictions = new[] { ProjectScenarios.Jurisdiction } };
                return key => Send(admin, HttpMethod.Post, "/api/v1/regulators", regulator, key);
            }

            case "reset an engineer's password":
            {
                var firm = await host.NewFirmAsync();
                var engineer = await firm.CreateEngineerAsync();
                return key => Send(firm.Client, HttpMethod.Post, $"/api/v1/engineers/{engineer.AccountId}/password-reset", null, key);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(route), route, "no such route in this test");
        }
    }

    // One PDF as a browser's form would carry it, byte for byte the same at every send.
    private static readonly byte[] Multipart =
    [
        .. "--pilerig-test-boundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"entry.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"u8,
        .. TestFiles.Pdf,
        .. "\r\n--pilerig-test-boundary--\r\n"u8,
    ];
}
