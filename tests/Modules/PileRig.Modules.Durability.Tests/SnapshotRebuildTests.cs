using System.Net;
using PileRig.Modules.Tests.Fixture;
using Shouldly;
using Xunit;

namespace PileRig.Modules.Durability.Tests;

/// <summary>
/// After a change to how an aggregate folds its events (or to repair a damaged snapshot), the operator runs
/// <c>rebuild-snapshots</c> against the live database while engineers keep registering entries: nothing they send is
/// refused or lost, and every snapshot ends as its events say.
/// </summary>
public sealed class SnapshotRebuildTests
{
    private const string Snapshots = """
        select md5(string_agg(id::text || data::text, ',' order by id)) from (
          select id, data from equipment_registry.mt_doc_rig union all
          select id, data from equipment_registry.mt_doc_verification union all
          select id, data from personnel.mt_doc_account) s
        """;

    [Fact]
    public async Task Rebuilding_every_snapshot_while_entries_are_registered_refuses_nothing_and_repairs_a_damaged_rig()
    {
        await using var host = await HostProcess.StartOnNewDatabaseAsync();
        var entries = await CrashTests.PrepareAsync(host, 25);
        var damaged = entries[0];
        (await CrashTests.SendAsync(damaged)).StatusCode.ShouldBe(HttpStatusCode.Created);

        // Quiet: a rebuild reproduces exactly what the commands wrote (state and version alike).
        var written = await DatabaseProbe.ScalarAsync<string>(host.ConnectionString, Snapshots);
        await host.RunToCompletionAsync("rebuild-snapshots");
        (await DatabaseProbe.ScalarAsync<string>(host.ConnectionString, Snapshots)).ShouldBe(written);

        // Damage: the rig on site reads as free (what a faulty Apply, since fixed, would have left behind).
        await DatabaseProbe.ScalarAsync<int>(host.ConnectionString,
            "update equipment_registry.mt_doc_rig set status = 'Free', data = jsonb_set(data, '{Status}', '\"Free\"') where id = $1 returning 1",
            damaged.RigId);
        var before = await (await damaged.Phone.GetAsync($"/api/v1/rigs/{damaged.RigId}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        before.Str("status").ShouldBe("free");

        // Busy: the other rigs' entries are sent while the rebuild runs.
        var rebuild = host.RunToCompletionAsync("rebuild-snapshots");
        var answers = await Task.WhenAll(entries.Skip(1).Select(async (entry, i) =>
        {
            await Task.Delay(i * 120);
            return (entry, (await CrashTests.SendAsync(entry)).StatusCode);
        }));
        await rebuild;

        answers.Where(a => a.StatusCode != HttpStatusCode.Created).ShouldBeEmpty();
        foreach (var entry in entries)
        {
            var rig = await (await entry.Phone.GetAsync($"/api/v1/rigs/{entry.RigId}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
            rig.Str("status").ShouldBe("in_use", $"rig {entry.RigId}");
        }

        // And what the commands wrote during the rebuild is, again, exactly the fold of the events.
        var afterBusyRun = await DatabaseProbe.ScalarAsync<string>(host.ConnectionString, Snapshots);
        await host.RunToCompletionAsync("rebuild-snapshots");
        (await DatabaseProbe.ScalarAsync<string>(host.ConnectionString, Snapshots)).ShouldBe(afterBusyRun);
    }
}
