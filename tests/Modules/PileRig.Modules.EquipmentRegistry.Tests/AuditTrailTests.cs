using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PileRig.BuildingBlocks.AuditTrail;
using PileRig.Modules.Tests.Fixture;
using Shouldly;
using Xunit;

namespace PileRig.Modules.EquipmentRegistry.Tests;

/// <summary>
/// The rig's trail is hash-chained and sealed: whoever rewrites a stored event by SQL is caught by the server's check,
/// by the offline verifier (the host's real command line) and, if they also rewrite the hashes, by the signed digest.
/// </summary>
public sealed class AuditTrailTests(PileRigHost host)
{
    [Fact]
    public async Task A_rigs_whole_life_exports_as_a_trail_the_offline_verifier_accepts_with_the_published_key()
    {
        var (s, events) = await RigWithAFullLifeAsync();
        using var regulatorOfOtherPlace = await host.NewRegulatorAsync("330203");
        await (await regulatorOfOtherPlace.GetAsync($"/api/v1/rigs/{s.RigId}/trail")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "equipment_registry.rig_not_found");

        var check = await (await s.Owner.Client.GetAsync($"/api/v1/rigs/{s.RigId}/trail/verification")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        check["valid"]!.GetValue<bool>().ShouldBeTrue();
        check["events"]!.GetValue<int>().ShouldBe(events);

        var file = await ExportAsync(s.Owner.Client, s.RigId);
        var trail = TrailRendering.FromJson(await File.ReadAllTextAsync(file));
        trail.Events.Select(e => e.Type).ShouldBe(["equipment_registry.rig_registered", "equipment_registry.usage_registered",
            "equipment_registry.rig_flagged", "equipment_registry.flag_cleared", "equipment_registry.usage_exited"]);
        trail.Events[2].Headers!.Value.GetProperty("account_id").GetString().ShouldBe(s.EngineerAccount.AccountId.ToString());
        var key = await PublicKeyFileAsync();
        var (exit, output) = await VerifyWithCliAsync(file, key);
        output.ShouldContain("VALID");
        exit.ShouldBe(0);

        var html = await (await s.Owner.Client.GetAsync($"/api/v1/rigs/{s.RigId}/trail.html")).Content.ReadAsStringAsync();
        html.ShouldContain("校验通过");
        html.ShouldContain("equipment_registry.flag_cleared");
    }

    [Fact]
    public async Task Changing_a_stored_event_by_sql_is_caught_and_the_first_broken_event_named()
    {
        var (s, _) = await RigWithAFullLifeAsync();

        await ExecuteSqlAsync($"update events.mt_events set data = data || '{{\"Reason\":\"无问题\"}}'::jsonb where stream_id = '{s.RigId}' and version = 3");

        var check = await (await s.Owner.Client.GetAsync($"/api/v1/rigs/{s.RigId}/trail/verification")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        check["valid"]!.GetValue<bool>().ShouldBeFalse();
        check["firstBreak"]!["version"]!.GetValue<long>().ShouldBe(3);
        check["firstBreak"]!.Str("type").ShouldBe("equipment_registry.rig_flagged");

        var (exit, output) = await VerifyWithCliAsync(await ExportAsync(s.Owner.Client, s.RigId), await PublicKeyFileAsync());
        exit.ShouldBe(1);
        output.ShouldContain("INVALID: first broken event: version 3 (equipment_registry.rig_flagged");

        var html = await (await s.Owner.Client.GetAsync($"/api/v1/rigs/{s.RigId}/trail.html")).Content.ReadAsStringAsync();
        html.ShouldContain("校验失败");
    }

    [Fact]
    public async Task Rewriting_the_hashes_too_is_caught_by_the_signed_daily_digest()
    {
        var (s, _) = await RigWithAFullLifeAsync();
        var store = host.Services.GetRequiredService<AuditTrailStore>();
        // The sealing loop signs each day once it is over; here the test seals today's heads as that loop would tonight.
        var digest = await store.SealDayAsync(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)), CancellationToken.None);
        digest.Heads.ShouldContain(h => h.StreamId == s.RigId && h.Version == 5);

        // A tamperer with full database access rewrites the event and then recomputes every later link and the head.
        await ExecuteSqlAsync($"update events.mt_events set data = data || '{{\"Reason\":\"无问题\"}}'::jsonb where stream_id = '{s.RigId}' and version = 3");
        var chain = await store.ReadChainAsync(s.RigId, CancellationToken.None);
        var previous = EventChain.Genesis;
        foreach (var (e, _) in chain)
        {
            var hash = EventChain.Hash(previous, e);
            await ExecuteSqlAsync($"update audit.chain_links set previous_hash = '{previous}', hash = '{hash}' where stream_id = '{s.RigId}' and version = {e.Version}");
            previous = hash;
        }

        await ExecuteSqlAsync($"update audit.chain_heads set hash = '{previous}' where stream_id = '{s.RigId}'");

        var file = await ExportAsync(s.Owner.Client, s.RigId);
        // The trail carries the digest's proof for this rig's head, not every stream's head of that day.
        var carried = JsonNode.Parse(await File.ReadAllTextAsync(file))!["digests"]!.AsArray().Single(d => d!["root"]!.GetValue<string>() == digest.Root)!;
        carried["format"]!.GetValue<string>().ShouldBe(SignedDigest.MerkleFormat);
        carried["heads"]!.AsArray().Select(h => h!.Id("streamId")).ShouldBe([s.RigId]);
        carried["proof"]!.AsArray().Count.ShouldBeGreaterThan(0, "other streams changed today too");
        var (exit, output) = await VerifyWithCliAsync(file, await PublicKeyFileAsync());
        exit.ShouldBe(1);
        output.ShouldContain("rewritten after that day");

        // Editing the exported file instead is caught the same way, offline.
        var tampered = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        tampered["events"]![0]!["data"]!["FactorySerial"] = "XG-FAKE";
        await File.WriteAllTextAsync(file, tampered.ToJsonString());
        (await VerifyWithCliAsync(file, null)).Output.ShouldContain("first broken event: version 1 (equipment_registry.rig_registered");
    }

    [Fact]
    public async Task Deleting_the_newest_event_after_it_was_sealed_is_named_by_the_check()
    {
        var (s, events) = await RigWithAFullLifeAsync();

        // A tamperer removes the exit from the store: what is left still chains perfectly.
        await ExecuteSqlAsync($"delete from events.mt_events where stream_id = '{s.RigId}' and version = {events}");

        var check = await (await s.Owner.Client.GetAsync($"/api/v1/rigs/{s.RigId}/trail/verification")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        check["valid"]!.GetValue<bool>().ShouldBeFalse();
        check["firstBreak"]!["version"]!.GetValue<long>().ShouldBe(events);
        check["findings"]!.AsArray().Select(f => f!.GetValue<string>()).ShouldContain(f => f.Contains("deleted after they were sealed"));
    }

    [Fact]
    public async Task A_projects_stream_is_chained_too()
    {
        var s = await SupervisionScenario.CreateAsync(host);
        await SealedAsync(s.Firm.Client, $"/api/v1/projects/{s.ProjectId}", 1);
        var check = await (await s.Firm.Client.GetAsync($"/api/v1/projects/{s.ProjectId}/trail/verification")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        check["valid"]!.GetValue<bool>().ShouldBeTrue();
        check["events"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(1);
        await (await s.Owner.Client.GetAsync($"/api/v1/projects/{s.ProjectId}/trail")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "projects.not_found");
    }

    private async Task<(SupervisionScenario Scenario, int Events)> RigWithAFullLifeAsync()
    {
        var s = await SupervisionScenario.CreateAsync(host);
        var usage = await (await SupervisionScenario.RegisterAsync(s.Engineer, await s.VerifiedAsync())).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var flag = await (await s.Engineer.PostAsync($"/api/v1/rigs/{s.RigId}/flags", new
        {
            projectId = s.ProjectId, category = "cloned", reason = "铭牌与合格证不符", photoFileIds = new[] { await s.PhotoAsync(s.Engineer) },
        })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        using var admin = await host.SignedInAdminAsync();
        await (await admin.PostAsync($"/api/v1/rigs/{s.RigId}/flags/{flag.Id("flagId")}/clear", new { reason = "核查为原厂铭牌" })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await s.Engineer.PostAsync($"/api/v1/usages/{usage.Id("id")}/exit", new { note = "完工退场" })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await SealedAsync(s.Owner.Client, $"/api/v1/rigs/{s.RigId}", 5);
        return (s, 5);
    }

    // The sealer runs in the background (never inside a read): wait until it has linked the stream's newest events.
    private static async Task SealedAsync(ApiClient client, string resource, int events)
    {
        var check = await Scenarios.EventuallyAsync(
            async () => await (await client.GetAsync($"{resource}/trail/verification")).ShouldHaveStatusAsync(HttpStatusCode.OK),
            c => c["events"]!.GetValue<int>() >= events);
        check["events"]!.GetValue<int>().ShouldBe(events, "the sealer should link new events within seconds");
    }

    private async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        (await command.ExecuteNonQueryAsync()).ShouldBeGreaterThan(0);
    }

    private static async Task<string> ExportAsync(ApiClient client, Guid rigId)
    {
        var response = await client.GetAsync($"/api/v1/rigs/{rigId}/trail");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        var file = Path.Combine(Path.GetTempPath(), $"trail-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await response.Content.ReadAsStringAsync());
        return file;
    }

    private async Task<string> PublicKeyFileAsync()
    {
        using var anyone = host.NewClient();
        var pem = await (await anyone.GetAsync("/api/v1/audit/public-key")).Content.ReadAsStringAsync();
        pem.ShouldStartWith("-----BEGIN PUBLIC KEY-----");
        var file = Path.Combine(Path.GetTempPath(), $"key-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(file, pem);
        return file;
    }

    /// <summary>The host's own command line, as an auditor would run it: a separate process, no database.</summary>
    private static async Task<(int Exit, string Output)> VerifyWithCliAsync(string file, string? keyFile)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "PileRig.Host.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in keyFile is null ? [host, "verify-trail", file] : new[] { host, "verify-trail", file, "--public-key", keyFile })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("ConnectionStrings__PileRig");
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}
