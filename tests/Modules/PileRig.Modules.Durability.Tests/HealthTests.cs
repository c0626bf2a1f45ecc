using System.Net;
using Npgsql;
using PileRig.Modules.Tests.Fixture;
using Shouldly;
using Xunit;

namespace PileRig.Modules.Durability.Tests;

/// <summary>
/// What a load balancer and an operator read: live (the process answers), ready (PostgreSQL answers; the sealer's lag,
/// dead letters and the message backlog reported against thresholds). A message given up on shows until it is dealt with.
/// </summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Ready_reports_a_dead_letter_as_degraded_until_it_is_dealt_with_and_live_only_says_the_process_answers()
    {
        await using var host = await HostProcess.StartOnNewDatabaseAsync();
        using var probe = host.NewClient();

        var live = await (await probe.GetAsync("/health/live")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        live.Str("status").ShouldBe("Healthy");
        live["checks"]!.AsObject().Count.ShouldBe(0);
        var ready = await (await probe.GetAsync("/health/ready")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        ready.Str("status").ShouldBe("Healthy");
        ready["checks"]!.AsObject().Select(c => c.Key).ShouldBe(["postgresql", "auditSealing", "messaging"], ignoreOrder: true);
        ready["checks"]!["messaging"]!["deadLetters"]!.GetValue<long>().ShouldBe(0);

        var poisoned = Guid.NewGuid();
        await ExecuteAsync(host, $"insert into wolverine.wolverine_dead_letters (id, body, message_type, exception_type, exception_message) values ('{poisoned}', '\\x00', 'RigFlaggedIntegrationEvent', 'TimeoutException', 'the SMS gateway did not answer')");

        var degraded = await (await probe.GetAsync("/health/ready")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        degraded.Str("status").ShouldBe("Degraded");
        degraded["checks"]!["messaging"]!.Str("status").ShouldBe("Degraded");
        degraded["checks"]!["messaging"]!["deadLetters"]!.GetValue<long>().ShouldBe(1);
        degraded["checks"]!["postgresql"]!.Str("status").ShouldBe("Healthy");

        await ExecuteAsync(host, $"delete from wolverine.wolverine_dead_letters where id = '{poisoned}'");
        (await (await probe.GetAsync("/health/ready")).ShouldHaveStatusAsync(HttpStatusCode.OK)).Str("status").ShouldBe("Healthy");
    }

    private static async Task ExecuteAsync(HostProcess host, string sql)
    {
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        (await command.ExecuteNonQueryAsync()).ShouldBe(1);
    }
}
