using System.Net;
using System.Text.RegularExpressions;
using PileRig.Modules.Tests.Fixture;
using Shouldly;
using Xunit;

namespace PileRig.Modules.Personnel.Tests;

/// <summary>Bad input gets a clear error, never a 500: every command route in the OpenAPI document, fed junk, by several roles.</summary>
public sealed partial class NoServerErrorTests(PileRigHost host)
{
    private static readonly string[] Bodies = ["", "null", "{}", "[]", "{\"name\": 1, \"mobile\": [], \"password\": {}}", "{\"x\":", "\"text\""];

    [Fact]
    public async Task No_command_route_answers_500_to_empty_null_or_garbage_bodies()
    {
        using var anonymous = host.NewClient();
        var openApi = await (await anonymous.GetAsync("/openapi/v1.json")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var routes = openApi["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(m => (Path: p.Key, Method: m.Key.ToUpperInvariant())))
            .Where(r => r.Method is "POST" or "PUT" or "PATCH" or "DELETE")
            .Where(r => !r.Path.EndsWith("/auth/login", StringComparison.Ordinal) && !r.Path.EndsWith("/accounts/register", StringComparison.Ordinal))
            .ToList();
        routes.Count.ShouldBeGreaterThan(5);

        var firm = await host.NewFirmAsync();
        using var admin = await host.SignedInAdminAsync();
        var failures = new List<string>();
        foreach (var client in new[] { anonymous, firm.Client, admin })
        {
            foreach (var (path, method) in routes)
            {
                var url = RouteParameter().Replace(path, Guid.NewGuid().ToString());
                foreach (var body in Bodies)
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), url)
                    {
                        Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
                    };
                    var response = await client.SendAsync(request);
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{method} {url} with {body} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    }
                }
            }
        }

        failures.ShouldBeEmpty();
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
