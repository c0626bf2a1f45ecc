using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using PileRig.Modules.Tests.Fixture;
using Shouldly;
using Xunit;

namespace PileRig.Modules.Personnel.Tests;

public sealed class NotificationTests(PileRigHost host)
{
    [Fact]
    public async Task A_flag_notifies_the_owner_the_firm_and_the_jurisdictions_regulators_in_their_inbox_and_by_the_outbound_channel()
    {
        var s = await SupervisionScenario.CreateAsync(host);
        using var yinzhou = await host.NewRegulatorAsync(ProjectScenarios.Jurisdiction);
        using var haishu = await host.NewRegulatorAsync("330203");
        await (await SupervisionScenario.RegisterAsync(s.Engineer, await s.VerifiedAsync())).ShouldHaveStatusAsync(HttpStatusCode.Created);

        await (await s.Engineer.PostAsync($"/api/v1/rigs/{s.RigId}/flags", new
        {
            projectId = s.ProjectId, category = "cloned", reason = "铭牌与合格证不符", photoFileIds = new[] { await s.PhotoAsync(s.Engineer) },
        })).ShouldHaveStatusAsync(HttpStatusCode.OK);

        foreach (var recipient in new[] { s.Owner.Client, s.Firm.Client, yinzhou })
        {
            var item = await FlagNotificationAsync(recipient, s.RigId, sent: true);
            item.Str("title").ShouldContain("设备已被停用");
            item.Str("body").ShouldContain("疑似套牌");
            item.Str("body").ShouldContain(s.ProjectName);
            item.Str("body").ShouldNotContain("铭牌与合格证不符"); // the reason stays with those who read the rig
            item.Str("outboundChannel").ShouldBe("log");
            item["read"]!.GetValue<bool>().ShouldBeFalse();
        }

        var inbox = await InboxAsync(haishu);
        inbox["items"]!.AsArray().ShouldBeEmpty();

        using var english = host.NewClient("en");
        await english.SignInWithTokenAsync(s.Owner.Credentials);
        var ownersInbox = await InboxAsync(english);
        var mine = ownersInbox["items"]!.AsArray().Single(i => i!.Str("kind") == "rig_flagged")!;
        mine.Str("title").ShouldStartWith("Rig suspended");
        var unreadBefore = ownersInbox["unread"]!.GetValue<int>();
        (await (await english.PostAsync($"/api/v1/notifications/{mine.Str("id")}/read")).ShouldHaveStatusAsync(HttpStatusCode.OK))["marked"]!
            .GetValue<int>().ShouldBe(1);
        (await InboxAsync(english))["unread"]!.GetValue<int>().ShouldBe(unreadBefore - 1);
        await (await s.Firm.Client.PostAsync($"/api/v1/notifications/{mine.Str("id")}/read"))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "personnel.notification_not_found");
    }

    [Fact]
    public async Task A_certificate_running_out_within_30_days_notifies_the_owner_once()
    {
        var owner = await host.NewOwnerAsync();
        var until = DateTime.UtcNow.AddHours(8).AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var rig = await owner.RegisterRigAsync(await owner.NewRigAsync(certificateValidUntil: until));
        var farOwner = await host.NewOwnerAsync();
        await farOwner.RegisterRigAsync(await farOwner.NewRigAsync(certificateValidUntil: DateTime.UtcNow.AddDays(45).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

        var inbox = await Scenarios.EventuallyAsync(() => InboxAsync(owner.Client),
            i => i["items"]!.AsArray().Any(n => n!.Str("kind") == "certificate_expiring"));
        var notice = inbox["items"]!.AsArray().Single(n => n!.Str("kind") == "certificate_expiring")!;
        notice.Str("body").ShouldContain(until);
        notice.Id("rigId").ShouldBe(rig.Id("rigId"));

        await Task.Delay(TimeSpan.FromSeconds(3)); // several more runs of the watch
        (await InboxAsync(owner.Client))["items"]!.AsArray().Count(n => n!.Str("kind") == "certificate_expiring").ShouldBe(1);
        (await InboxAsync(farOwner.Client))["items"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_rig_entering_a_site_with_its_certificate_running_out_tells_the_firm_and_the_districts_regulators()
    {
        var owner = await host.NewOwnerAsync();
        var until = DateTime.UtcNow.AddHours(8).AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var s = await SupervisionScenario.CreateAsync(host, await owner.NewRigAsync(certificateValidUntil: until), owner, jurisdiction: "330206");
        using var regulator = await host.NewRegulatorAsync("330206");
        using var elsewhere = await host.NewRegulatorAsync("330205");

        await (await SupervisionScenario.RegisterAsync(s.Engineer, await s.VerifiedAsync())).ShouldHaveStatusAsync(HttpStatusCode.Created);

        foreach (var told in new[] { s.Firm.Client, regulator, owner.Client })
        {
            var inbox = await Scenarios.EventuallyAsync(() => InboxAsync(told),
                i => i["items"]!.AsArray().Any(n => n!.Str("kind") == "certificate_expiring" && n!.Id("rigId") == s.RigId));
            inbox["items"]!.AsArray().Count(n => n!.Str("kind") == "certificate_expiring" && n!.Id("rigId") == s.RigId).ShouldBe(1);
        }

        (await InboxAsync(elsewhere))["items"]!.AsArray().ShouldNotContain(n => n!.Str("kind") == "certificate_expiring" && n!.Id("rigId") == s.RigId);
    }

    private static async Task<JsonNode> InboxAsync(ApiClient client) =>
        await (await client.GetAsync("/api/v1/notifications")).ShouldHaveStatusAsync(HttpStatusCode.OK);

    private static async Task<JsonNode> FlagNotificationAsync(ApiClient client, Guid rigId, bool sent)
    {
        var inbox = await Scenarios.EventuallyAsync(() => InboxAsync(client),
            i => i["items"]!.AsArray().Any(n => n!.Str("kind") == "rig_flagged" && n!.Id("rigId") == rigId && (!sent || n!.Str("outbound") == "sent")));
        return inbox["items"]!.AsArray().Single(n => n!.Str("kind") == "rig_flagged" && n!.Id("rigId") == rigId)!;
    }
}
