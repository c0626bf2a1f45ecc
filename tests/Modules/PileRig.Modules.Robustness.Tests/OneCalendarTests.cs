using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PileRig.Modules.Tests.Fixture;
using Shouldly;
using Xunit;

namespace PileRig.Modules.Robustness.Tests;

/// <summary>
/// One calendar: a day is a day in Ningbo. Between 00:00 and 08:00 China time the UTC date is still yesterday's; a rig
/// whose certificate ended yesterday must be refused on site at 01:30 exactly as the dashboard lists it as lapsed.
/// </summary>
public sealed class OneCalendarTests(PileRigHost sharedHost)
{
    [Fact]
    public async Task At_half_past_one_in_Ningbo_a_certificate_that_ended_yesterday_is_refused_at_entry_and_listed_as_lapsed()
    {
        var now = ShiftedClock.TodayInNingboAt(new TimeOnly(1, 30));
        var host = new PileRigHost { ServiceOverrides = s => s.AddSingleton<TimeProvider>(new ShiftedClock(now)) };
        await host.InitializeAsync();
        try
        {
            var yesterday = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime).AddDays(-1);
            var owner = await host.NewOwnerAsync();
            var rig = await owner.NewRigAsync(certificateValidUntil: yesterday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            var s = await SupervisionScenario.CreateAsync(host, rig, owner);

            var verification = await SupervisionScenario.StartAsync(s.Engineer, s.ProjectId, s.BaseUnitUrl);
            verification["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).ShouldContain("certificate_expired");
            foreach (var brace in s.Components("brace"))
            {
                await (await SupervisionScenario.ScanAsync(s.Engineer, verification.Id("verificationId"), brace["code"]!.Str("url"))).ShouldHaveStatusAsync(HttpStatusCode.OK);
            }

            await (await SupervisionScenario.RegisterAsync(s.Engineer, verification.Id("verificationId")))
                .ShouldBeProblemAsync(HttpStatusCode.Conflict, "equipment_registry.certificate_expired");

            using var admin = await host.SignedInAdminAsync();
            var lapsed = await (await admin.GetAsync("/api/v1/oversight/rigs?lapsed=certificate&pageSize=200")).ShouldHaveStatusAsync(HttpStatusCode.OK);
            lapsed["items"]!.AsArray().Select(r => r!.Id("rigId")).ShouldContain(s.RigId);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_moment_without_an_offset_is_read_as_China_time_and_one_with_any_offset_as_that_moment()
    {
        var owner = await sharedHost.NewOwnerAsync();
        var rig = await owner.RegisterRigAsync(await owner.NewRigAsync());
        var registered = DateTimeOffset.Parse(rig.Str("registeredAt"), CultureInfo.InvariantCulture);
        var inNingbo = registered.ToOffset(TimeSpan.FromHours(8));

        string At(DateTimeOffset moment, string format) => Uri.EscapeDataString(moment.ToString(format, CultureInfo.InvariantCulture));
        async Task<HttpStatusCode> StateAt(string at) => (await owner.Client.GetAsync($"/api/v1/rigs/{rig.Id("rigId")}/state?at={at}")).StatusCode;

        (await StateAt(At(inNingbo.AddMinutes(2), "yyyy-MM-dd'T'HH:mm:ss"))).ShouldBe(HttpStatusCode.OK);
        (await StateAt(At(inNingbo.AddMinutes(-2), "yyyy-MM-dd'T'HH:mm:ss"))).ShouldBe(HttpStatusCode.NotFound);
        (await StateAt(At(inNingbo.AddMinutes(2), "yyyy-MM-dd'T'HH:mm:sszzz"))).ShouldBe(HttpStatusCode.OK);
        (await StateAt(At(registered.ToOffset(TimeSpan.FromHours(-5)).AddMinutes(2), "yyyy-MM-dd'T'HH:mm:sszzz"))).ShouldBe(HttpStatusCode.OK);
        (await StateAt(At(registered.UtcDateTime.AddMinutes(-2), "yyyy-MM-dd'T'HH:mm:ss'Z'"))).ShouldBe(HttpStatusCode.NotFound);
        var refused = await (await owner.Client.GetAsync($"/api/v1/rigs/{rig.Id("rigId")}/state?at=yesterday")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation.failed");
        refused.FieldCodes("at").ShouldBe(["validation.date_format"]);
    }
}
