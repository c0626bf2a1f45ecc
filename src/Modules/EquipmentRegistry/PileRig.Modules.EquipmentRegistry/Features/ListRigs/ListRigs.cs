using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.Http;
using PileRig.BuildingBlocks.Persistence;
using PileRig.Modules.EquipmentRegistry.Domain;
using PileRig.Modules.EquipmentRegistry.Infrastructure;
using PileRig.SharedKernel.Identity;
using PileRig.SharedKernel.Rules;

namespace PileRig.Modules.EquipmentRegistry.Features.ListRigs;

/// <summary>An owner's own rigs; a regulator those of its jurisdictions; the admin all. Newest first, a page at a time.</summary>
public sealed record ListRigs(string? Cursor, int PageSize) : IQuery<Page<RigView>>;

public sealed class ListRigsHandler(IQuerySession session, QrCodes codes, RequestContext context) : IQueryHandler<ListRigs, Page<RigView>>
{
    public async ValueTask<Page<RigView>> Handle(ListRigs query, CancellationToken cancellationToken)
    {
        var actor = context.Actor;
        var rigs = new KeysetQuery<Rig>("equipment_registry.mt_doc_rig d");
        if (actor.Role == Roles.Regulator)
        {
            // Rigs ever entered, flagged or spot-checked in the regulator's jurisdictions.
            rigs.Where("d.jurisdictions && ?::text[]", (object)actor.Jurisdictions.ToArray());
        }
        else if (!actor.IsAdmin)
        {
            rigs.Where("d.owner_id = ?", actor.EnterpriseId ?? Guid.Empty);
        }

        // A rig's id is a version 7 GUID made when it was registered: newest first is highest first.
        var page = await rigs.OrderById(descending: true).PageAsync(session, query.Cursor, query.PageSize, r => r.Id, cancellationToken);
        return new Page<RigView>(page.Items.Select(r => RigView.From(r, codes)).ToList(), page.Total, page.NextCursor);
    }
}

public sealed record GetRig(Guid RigId) : IQuery<RigView>;

public sealed class GetRigHandler(IQuerySession session, QrCodes codes, RequestContext context) : IQueryHandler<GetRig, RigView>
{
    public async ValueTask<RigView> Handle(GetRig query, CancellationToken cancellationToken) =>
        RigView.From(await RigAccess.RequireReadableAsync(session, query.RigId, context.Actor, cancellationToken), codes);
}

public sealed record GetRigHistory(Guid RigId) : IQuery<IReadOnlyList<HistoryEntry>>;

public sealed class GetRigHistoryHandler(IQuerySession session, RequestContext context) : IQueryHandler<GetRigHistory, IReadOnlyList<HistoryEntry>>
{
    public async ValueTask<IReadOnlyList<HistoryEntry>> Handle(GetRigHistory query, CancellationToken cancellationToken)
    {
        var rig = await RigAccess.RequireReadableAsync(session, query.RigId, context.Actor, cancellationToken);
        return await StreamHistory.ReadAsync(session, rig.Id, cancellationToken);
    }
}

/// <summary>"What did the platform say about this rig at that moment?": its events replayed up to <c>At</c>.</summary>
public sealed record GetRigStateAt(Guid RigId, DateTimeOffset At) : IQuery<RigView>;

public sealed class GetRigStateAtHandler(IQuerySession session, QrCodes codes, RequestContext context) : IQueryHandler<GetRigStateAt, RigView>
{
    public async ValueTask<RigView> Handle(GetRigStateAt query, CancellationToken cancellationToken)
    {
        await RigAccess.RequireReadableAsync(session, query.RigId, context.Actor, cancellationToken);
        var then = await session.Events.AggregateStreamAsync<Rig>(query.RigId, timestamp: query.At, token: cancellationToken)
            ?? throw new RuleViolationException(EquipmentRules.NotYetRegistered, ("at", query.At.ToString("u", System.Globalization.CultureInfo.InvariantCulture)));
        return RigView.From(then, codes);
    }
}

public static class ListRigsEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/rigs", async (string? cursor, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListRigs(cursor, Keyset.PageSize(pageSize)), ct)))
            .RequireAuthorization(Policies.Ready).WithTags("Rigs").WithSummary("The owner's rigs (all rigs for the admin and regulators)");
        api.MapGet("/rigs/{rigId:guid}", async (Guid rigId, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetRig(rigId), ct)))
            .RequireAuthorization(Policies.Ready).WithTags("Rigs").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/rigs/{rigId:guid}/state", async (Guid rigId, string? at, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetRigStateAt(rigId, QueryValues.ParseInstant(at, "at")), ct)))
            .RequireAuthorization(Policies.Ready).WithTags("Rigs")
            .WithSummary("The rig as the platform knew it at a past moment, replayed from its events: ?at=2021-06-21T08:00:00%2B08:00 "
                + "(any ISO 8601 offset; without one, China time; a bare date, its first moment)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/rigs/{rigId:guid}/history", async (Guid rigId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetRigHistory(rigId), ct)))
            .RequireAuthorization(Policies.Ready).WithTags("Rigs").WithSummary("The rig's event history, oldest first, with who, when and client")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
