using System.Net;
using PileRig.Modules.Tests.Fixture;
using Shouldly;
using Xunit;

namespace PileRig.Modules.Personnel.Tests;

public sealed class HostTests(PileRigHost host)
{
    [Fact]
    public async Task Health_checks_PostgreSQL_and_the_OpenAPI_document_and_reference_are_served()
    {
        using var client = host.NewClient();

        (await (await client.GetAsync("/health")).Content.ReadAsStringAsync()).ShouldBe("Healthy");
        var openApi = await (await client.GetAsync("/openapi/v1.json")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        openApi["paths"]!.AsObject().Select(p => p.Key).ShouldContain("/api/v1/engineers");
        (await client.GetAsync("/docs/")).StatusCode.ShouldBe(HttpStatusCode.OK);
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
