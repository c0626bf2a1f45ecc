using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using PileRig.Modules.Tests.Fixture;
using Shouldly;
using Xunit;

namespace PileRig.Modules.Durability.Tests;

/// <summary>
/// A power cut on a busy morning: the host is killed with SIGKILL three times while engineers register entries, each
/// with its Idempotency-Key, and started again. Afterwards, as the phones' queues retry: every acknowledged entry is
/// there, every key is answered or was never used (none is stuck "in progress"), no rig is entered twice, and no
/// stream row was left without events.
/// </summary>
public sealed class CrashTests
{
    private const int Rigs = 120;
    private const int Phones = 8;
    private const int Kills = 3;

    internal sealed record Entry(Guid RigId, Guid VerificationId, Guid FormId, string Key, ApiClient Phone);

    private sealed record Acknowledgement(string Key, Guid RigId, Guid UsageId);

    [Fact]
    public async Task Three_SIGKILLs_under_a_journaled_load_of_entries_lose_no_acknowledged_write_and_leave_no_key_stuck()
    {
        await using var host = await HostProcess.StartOnNewDatabaseAsync();
        var entries = await PrepareAsync(host, Rigs);

        // The journal: what each phone was told. A key with no answer yet (cut off, refused by a dying host) is sent
        // again later, exactly as the phone's queue does.
        var acknowledged = new ConcurrentDictionary<string, Acknowledgement>();
        var pending = new ConcurrentQueue<Entry>(entries);
        for (var round = 0; round <= Kills; round++)
        {
            using var stop = new CancellationTokenSource();
            var phones = Enumerable.Range(0, Phones).Select(_ => SendUntilStoppedAsync(pending, acknowledged, stop.Token)).ToList();
            if (round < Kills)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 + Random.Shared.Next(300)));
                await host.KillAsync();
                await stop.CancelAsync();
                var cutOff = (await Task.WhenAll(phones)).Sum();
                cutOff.ShouldBeGreaterThan(0, $"kill {round + 1} should cut requests off mid-flight");
                await host.StartAsync();
            }
            else
            {
                (await Task.WhenAll(phones)).Sum().ShouldBe(0, "after the last start nothing is cut off"); // runs until every entry is answered
            }
        }

        pending.ShouldBeEmpty();
        acknowledged.Count.ShouldBe(Rigs, host.Output.ToString());

        // Every acknowledged entry is stored, once, under the id the phone was told.
        using var check = host.NewClient();
        var firm = entries[0].Phone;
        foreach (var (key, ack) in acknowledged)
        {
            var usages = (await (await firm.GetAsync($"/api/v1/rigs/{ack.RigId}/usages")).ShouldHaveStatusAsync(HttpStatusCode.OK)).AsArray();
            usages.Select(u => u!.Id("id")).ShouldBe([ack.UsageId], $"rig {ack.RigId}, key {key}");
        }

        // And each key answers as it did: replayed, not carried out again.
        foreach (var entry in entries.Take(10))
        {
            var again = await SendAsync(entry);
            again.Headers.Contains("Idempotent-Replayed").ShouldBeTrue();
            (await again.ShouldHaveStatusAsync(HttpStatusCode.Created)).Id("id").ShouldBe(acknowledged[entry.Key].UsageId);
        }

        (await DatabaseProbe.EmptyStreamsAsync(host.ConnectionString)).ShouldBe(0);
    }

    // Sends queued entries as one phone, pausing between them as a person would; answers how many were cut off.
    private static async Task<int> SendUntilStoppedAsync(ConcurrentQueue<Entry> pending, ConcurrentDictionary<string, Acknowledgement> acknowledged,
        CancellationToken stop)
    {
        var cutOff = 0;
        while (!stop.IsCancellationRequested && pending.TryDequeue(out var entry))
        {
            try
            {
                var response = await SendAsync(entry, stop);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    acknowledged[entry.Key] = new Acknowledgement(entry.Key, entry.RigId, (await response.JsonAsync()).Id("id"));
                    await Task.Delay(30, CancellationToken.None);
                    continue;
                }

                // The only other acceptable answers come from a host going down under the request; anything else is a bug.
                ((int)response.StatusCode).ShouldBeGreaterThanOrEqualTo(500, await response.Content.ReadAsStringAsync(CancellationToken.None));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                // Cut off: the phone does not know whether it was saved.
            }

            cutOff++;
            pending.Enqueue(entry);
            if (stop.IsCancellationRequested)
            {
                return cutOff;
            }

            await Task.Delay(50, CancellationToken.None);
        }

        return cutOff;
    }

    internal static async Task<HttpResponseMessage> SendAsync(Entry entry, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/verifications/{entry.VerificationId}/usage")
        {
            Content = JsonContent.Create(new { installedHeightMetres = 28.5m, powerHeadCount = 1, entryInspectionFormFileId = entry.FormId }),
        };
        request.Headers.Add("Idempotency-Key", entry.Key);
        return await entry.Phone.SendAsync(request, cancellationToken);
    }

    // One firm with a project, four engineers' phones, one owner's rigs, each verified on the project and waiting for entry.
    internal static async Task<IReadOnlyList<Entry>> PrepareAsync(HostProcess host, int rigs)
    {
        var s = await SupervisionScenario.CreateAsync(host);
        var phones = new List<(ApiClient Client, Guid AccountId)> { (s.Engineer, s.EngineerAccount.AccountId) };
        for (var i = 0; i < 3; i++)
        {
            var (client, account) = await host.NewActiveEngineerAsync(s.Firm);
            phones.Add((client, account.AccountId));
        }

        await (await s.Firm.Client.PutAsync($"/api/v1/projects/{s.ProjectId}/engineers", new { engineerIds = phones.Select(p => p.AccountId).ToArray() }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        var entries = new List<Entry>();
        for (var i = 0; i < rigs; i++)
        {
            var phone = phones[i % phones.Count].Client;
            var rig = await s.Owner.RegisterRigAsync(await s.Owner.NewRigAsync());
            var verification = await SupervisionScenario.StartAsync(phone, s.ProjectId, rig["baseUnit"]!.Str("url"));
            foreach (var brace in rig["components"]!.AsArray().Where(c => c!["structural"]!.GetValue<bool>()))
            {
                await (await SupervisionScenario.ScanAsync(phone, verification.Id("verificationId"), brace!["code"]!.Str("url"))).ShouldHaveStatusAsync(HttpStatusCode.OK);
            }

            entries.Add(new Entry(rig.Id("rigId"), verification.Id("verificationId"), await phone.UploadPdfAsync(), Guid.NewGuid().ToString(), phone));
        }

        return entries;
    }
}
