using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using PileRig.Modules.Tests.Fixture;
using Shouldly;
using Xunit;

namespace PileRig.Modules.Durability.Tests;

/// <summary>
/// What an operator's log collector reads from the host process as `scripts/run` starts it: one JSON object per line
/// from the first line on, each with its time, and Chinese text (a notification to a rig's owner) as Chinese.
/// </summary>
public sealed partial class HostLogTests
{
    [Fact]
    public async Task Every_line_the_host_writes_is_JSON_with_a_timestamp_and_Chinese_stays_readable()
    {
        // At the shipped log level (the fixture turns it down to Warning), so the notification line is written.
        await using var host = await HostProcess.StartOnNewDatabaseAsync(h => h.Settings["Logging__LogLevel__Default"] = "Information");
        var s = await SupervisionScenario.CreateAsync(host);
        await (await SupervisionScenario.RegisterAsync(s.Engineer, await s.VerifiedAsync())).ShouldHaveStatusAsync(HttpStatusCode.Created);
        await (await s.Engineer.PostAsync($"/api/v1/rigs/{s.RigId}/flags", new
        {
            projectId = s.ProjectId, category = "cloned", reason = "铭牌与合格证不符", photoFileIds = new[] { await s.PhotoAsync(s.Engineer) },
        })).ShouldHaveStatusAsync(HttpStatusCode.OK);

        // The owner's notification goes out through the default (log) channel, in the background.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Text(host).Contains("Notification to", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        var lines = Text(host).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.ShouldNotBeEmpty();
        foreach (var line in lines)
        {
            using var entry = JsonDocument.Parse(line); // throws on a plain-text line
            DateTimeOffset.Parse(entry.RootElement.GetProperty("Timestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
                .ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddHours(-1));
        }

        var notification = lines.First(l => l.Contains("Notification to", StringComparison.Ordinal));
        CjkCharacter().IsMatch(notification).ShouldBeTrue(notification);
        EscapedCjkCharacter().IsMatch(Text(host)).ShouldBeFalse("Chinese must not be written as \\u escapes");
    }

    [Fact]
    public async Task Describing_the_configuration_shows_no_secret()
    {
        await using var host = await HostProcess.StartOnNewDatabaseAsync();

        var described = await host.RunToCompletionAsync("describe");

        described.ShouldContain("(hidden)");
        described.ShouldContain("PileRig");
        described.ShouldNotContain(host.AdminPassword);
        described.ShouldNotContain(host.QrKey[..16]);
    }

    private static string Text(HostProcess host)
    {
        lock (host.Output)
        {
            return host.Output.ToString();
        }
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex CjkCharacter();

    [GeneratedRegex(@"\\u[4-9][0-9A-Fa-f]{3}")]
    private static partial Regex EscapedCjkCharacter();
}
