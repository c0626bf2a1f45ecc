using System.Net;
using PileRig.Modules.Tests.Fixture;
using Shouldly;
using Xunit;

namespace PileRig.Modules.Personnel.Tests;

public sealed class HostTests(PileRigHost host)
{
    [Fact]
    public async Task Health_checks_PostgreSQL_and_shows_the_sealers_lag_and_the_OpenAPI_document_and_reference_are_served()
    {
        using var client = host.NewClient();

        var health = await (await client.GetAsync("/health")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        health.Str("status").ShouldBe("Healthy");
        health["checks"]!["postgresql"]!.Str("status").ShouldBe("Healthy");
        health["checks"]!["auditSealing"]!["lagEvents"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(0);
        var openApi = await (await client.GetAsync("/openapi/v1.json")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        openApi["paths"]!.AsObject().Select(p => p.Key).ShouldContain("/api/v1/engineers");
        (await client.GetAsync("/docs/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>
    /// The web client's typed API is generated from web/openapi/v1.json; this keeps that copy equal to what the host
    /// serves, so a changed endpoint cannot leave the client calling the old one. scripts/openapi refreshes the copy.
    /// </summary>
    [Fact]
    public async Task The_web_clients_copy_of_the_OpenAPI_document_is_the_one_the_host_serves()
    {
        using var client = host.NewClient();
        var served = System.Text.Json.Nodes.JsonNode.Parse(await (await client.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync())!;
        served.AsObject().Remove("servers"); // the address the document was fetched from, not part of the API
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "PileRig.sln")))
        {
            root = root.Parent!;
        }

        var copy = Path.Combine(root.FullName, "web", "openapi", "v1.json");
        if (Environment.GetEnvironmentVariable("PILERIG_WRITE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(copy, served.ToJsonString(new System.Text.Json.JsonSerializerOptions
            {
                WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            }) + "\n");
        }

        var committed = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(copy))!;
        committed.AsObject().Remove("servers");
        System.Text.Json.Nodes.JsonNode.DeepEquals(served, committed).ShouldBeTrue(
            "web/openapi/v1.json differs from the host's document: run scripts/openapi, then rebuild the client.");
    }

    [Fact]
    public async Task An_unknown_route_is_a_problem_details_404()
    {
        using var client = host.NewClient();

        var response = await client.GetAsync("/api/v1/nothing-here");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }
}
