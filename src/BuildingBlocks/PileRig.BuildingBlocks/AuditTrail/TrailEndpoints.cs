using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PileRig.BuildingBlocks.Http;

namespace PileRig.BuildingBlocks.AuditTrail;

/// <summary>What the verifier says about a stored trail, as the API answers it.</summary>
public sealed record TrailVerificationView(Guid StreamId, bool Valid, int Events, ChainBreak? FirstBreak, IReadOnlyList<string> Findings);

/// <summary>
/// The three views of a stream's trail every module that exports one offers, so a rig's and a project's look alike:
/// the JSON file, its HTML rendering and the server's own verification of it.
/// </summary>
public static class TrailEndpoints
{
    public static void MapTrailEndpoints(this IEndpointRouteBuilder api, string resource, string tag,
        Func<Guid, ISender, CancellationToken, ValueTask<TrailDocument>> export)
    {
        api.MapGet($"/{resource}/{{id:guid}}/trail", async (Guid id, ISender sender, HttpContext http, CancellationToken ct) =>
            {
                var trail = await export(id, sender, ct);
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"{resource}-{id:N}-trail.json\"";
                return TypedResults.Text(TrailRendering.ToJson(trail), "application/json; charset=utf-8");
            })
            .RequireAuthorization(Policies.Ready).WithTags(tag)
            .WithSummary("The tamper-evident trail: every event with its hash chain, the signed digests naming it and a signed seal (verify offline with `verify-trail`)")
            .Produces<TrailDocument>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet($"/{resource}/{{id:guid}}/trail.html", async (Guid id, ISender sender, AuditTrailStore store, CancellationToken ct) =>
            {
                var trail = await export(id, sender, ct);
                return TypedResults.Content(TrailRendering.ToHtml(trail, TrailVerifier.Verify(trail, store.Signer.PublicKeyPem)), "text/html; charset=utf-8");
            })
            .RequireAuthorization(Policies.Ready).WithTags(tag).WithSummary("The trail rendered for people (print to PDF from the browser)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet($"/{resource}/{{id:guid}}/trail/verification", async (Guid id, ISender sender, AuditTrailStore store, CancellationToken ct) =>
            {
                var trail = await export(id, sender, ct);
                var result = TrailVerifier.Verify(trail, store.Signer.PublicKeyPem);
                return TypedResults.Ok(new TrailVerificationView(id, result.Valid, trail.Events.Count, result.FirstBreak, result.Findings));
            })
            .RequireAuthorization(Policies.Ready).WithTags(tag)
            .WithSummary("Recomputes the stored trail's hashes now and names the first event that no longer matches")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
