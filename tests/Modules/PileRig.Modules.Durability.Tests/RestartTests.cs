using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PileRig.Modules.Personnel.Infrastructure;
using PileRig.Modules.Tests.Fixture;
using Shouldly;
using Xunit;

namespace PileRig.Modules.Durability.Tests;

/// <summary>
/// Stops and starts the real host on one database: what was accepted before the stop is delivered after the start.
/// Its own assembly (its own process), because it starts hosts one after another instead of sharing one.
/// </summary>
public sealed class RestartTests
{
    [Fact]
    public async Task Notifications_the_channel_could_not_send_before_a_restart_are_sent_after_it_and_the_inbox_keeps_them()
    {
        var down = new ChannelThatIsDown();
        var first = new PileRigHost { DropOnDispose = false, ServiceOverrides = s => s.AddSingleton<INotificationChannel>(down) };
        await first.InitializeAsync();
        PileRigHost? second = null;
        try
        {
            var s = await SupervisionScenario.CreateAsync(first);
            await (await SupervisionScenario.RegisterAsync(s.Engineer, await s.VerifiedAsync())).ShouldHaveStatusAsync(HttpStatusCode.Created);
            await (await s.Engineer.PostAsync($"/api/v1/rigs/{s.RigId}/flags", new
            {
                projectId = s.ProjectId, category = "unqualified", reason = "斜撑开裂", photoFileIds = new[] { await s.PhotoAsync(s.Engineer) },
            })).ShouldHaveStatusAsync(HttpStatusCode.OK);

            var before = await Scenarios.EventuallyAsync(() => FlagNoticeAsync(s.Owner.Client), n => n is not null && down.Refused > 0);
            before!.Str("outbound").ShouldBe("pending");
            await first.DisposeAsync();

            second = first.Restarted();
            await second.InitializeAsync();
            using var owner = second.NewClient();
            await owner.SignInWithTokenAsync(s.Owner.Credentials);
            var after = await Scenarios.EventuallyAsync(() => FlagNoticeAsync(owner), n => n?.Str("outbound") == "sent", TimeSpan.FromSeconds(60));
            after!.Str("outboundChannel").ShouldBe("log");
            after!["outboundAttempts"]!.GetValue<int>().ShouldBeGreaterThan(1);
            after.Str("id").ShouldBe(before!.Str("id"));
        }
        finally
        {
            await (second ?? first.Restarted()).DisposeAsync();
        }
    }

    private static async Task<JsonNode?> FlagNoticeAsync(ApiClient client)
    {
        var inbox = await (await client.GetAsync("/api/v1/notifications")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        return inbox["items"]!.AsArray().SingleOrDefault(n => n!.Str("kind") == "rig_flagged");
    }

    /// <summary>An SMS gateway that is down: every send fails the way a real adapter reports an outage.</summary>
    private sealed class ChannelThatIsDown : INotificationChannel
    {
        private int _refused;

        public int Refused => _refused;

        public string Name => "down";

        public Task SendAsync(OutboundMessage message, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _refused);
            throw new NotificationChannelUnavailableException("gateway unreachable");
        }
    }
}
