using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.Http;
using PileRig.BuildingBlocks.Persistence;
using PileRig.Modules.EquipmentRegistry.Domain;
using PileRig.Modules.Projects.Contracts;
using PileRig.SharedKernel.Identity;

namespace PileRig.Modules.EquipmentRegistry.Features.LabelCopies;

/// <summary>
/// Records each valid scan of a code on a project and judges it against the code's recent sightings
/// (<see cref="LabelCopyDecisions"/>), in the scanning command's transaction. Sightings of one code are serialised by a
/// transaction-scoped advisory lock on the code: two engineers scanning one code on two sites at the same moment are
/// judged one after the other, so the second sees the first — a race cannot hide a copy.
/// </summary>
public sealed class LabelCopyWatch(IDocumentSession session, IProjectDirectory projects, IOptions<SupervisionSettings> settings, RequestContext context)
{
    public async Task SeenAsync(string itemCode, Rig rig, Guid? componentId, ProjectSummary project, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await session.QueryAsync<int>("select 1 from (select pg_advisory_xact_lock(hashtextextended(?, 2021))) locked", cancellationToken, itemCode);
        var rules = settings.Value.LabelCopy;
        var since = now - TimeSpan.FromHours(Math.Max(rules.OtherJurisdictionHours, rules.SameJurisdictionHours));
        var earlier = await session.Query<CodeSighting>().Where(s => s.ItemCode == itemCode && s.At > since).ToListAsync(cancellationToken);
        // "In use elsewhere" is judged on the base unit's scan; its components follow it into the same verification.
        var inUseOn = componentId is null ? rig.Usage?.ProjectId : null;
        var inUseJurisdiction = inUseOn is { } other && other != project.ProjectId
            ? (await projects.FindAsync(other, cancellationToken))?.JurisdictionCode
            : null;

        var sighting = new CodeSighting(Guid.CreateVersion7(), itemCode, rig.Id, componentId, project.ProjectId, project.JurisdictionCode,
            context.Actor.AccountId, now);
        session.Insert(sighting);
        foreach (var finding in LabelCopyDecisions.Judge(sighting, earlier, inUseOn, inUseJurisdiction, rules))
        {
            session.Insert(finding);
        }
    }
}

public sealed record ListSuspectedLabelCopies(string? Cursor, int PageSize) : IQuery<Page<SuspectedLabelCopy>>;

/// <summary>The admin sees every finding; a regulator those touching one of its jurisdictions (either site).</summary>
public sealed class ListSuspectedLabelCopiesHandler(IQuerySession session, RequestContext context)
    : IQueryHandler<ListSuspectedLabelCopies, Page<SuspectedLabelCopy>>
{
    public async ValueTask<Page<SuspectedLabelCopy>> Handle(ListSuspectedLabelCopies query, CancellationToken cancellationToken)
    {
        var list = new KeysetQuery<SuspectedLabelCopy>("equipment_registry.mt_doc_suspectedlabelcopy d");
        if (context.Actor.Role == Roles.Regulator)
        {
            list.Where("d.jurisdictions && ?::text[]", (object)context.Actor.Jurisdictions.ToArray());
        }

        return await list.OrderById(descending: true).PageAsync(session, query.Cursor, query.PageSize, c => c.Id, cancellationToken);
    }
}

public static class LabelCopiesEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/suspected-copies", async (string? cursor, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListSuspectedLabelCopies(cursor, Keyset.PageSize(pageSize)), ct)))
            .RequireAuthorization(Policies.Oversight).WithTags("Oversight")
            .WithSummary("Suspected copied labels: one code on two sites sooner than a rig can be moved, or while its rig is in use elsewhere (admin, regulators of either site)");
}
