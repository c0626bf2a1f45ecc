using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.Errors;
using PileRig.BuildingBlocks.Http;
using PileRig.BuildingBlocks.Persistence;
using PileRig.Modules.EquipmentRegistry.Domain;
using PileRig.Modules.EquipmentRegistry.Features;
using PileRig.Modules.Projects.Contracts;
using PileRig.SharedKernel.Rules;
using PileRig.SharedKernel.Values;

namespace PileRig.Modules.EquipmentRegistry.Features.Supervision;

/// <summary>使用记录 of a project: in use, suspended and exited, filtered by status and registration date, newest first, by page.</summary>
public sealed record ListProjectUsages(Guid ProjectId, UsageStatus? Status, DateOnly? From, DateOnly? To, string? Cursor, int PageSize)
    : IQuery<Page<UsageRecord>>;

/// <summary>Every usage registration a rig ever had, newest first.</summary>
public sealed record ListRigUsages(Guid RigId) : IQuery<IReadOnlyList<UsageRecord>>;

public sealed record GetUsage(Guid UsageId) : IQuery<UsageRecord>;

public sealed class ListProjectUsagesHandler(IQuerySession session, IProjectDirectory projects, RequestContext context)
    : IQueryHandler<ListProjectUsages, Page<UsageRecord>>
{
    public async ValueTask<Page<UsageRecord>> Handle(ListProjectUsages query, CancellationToken cancellationToken)
    {
        var project = await projects.FindAsync(query.ProjectId, cancellationToken);
        if (project is null || !SupervisionAccess.MayRead(project, Guid.Empty, context.Actor))
        {
            throw new RuleViolationException(SupervisionRules.NotOnYourProject);
        }

        var usages = new KeysetQuery<UsageRecord>("equipment_registry.mt_doc_usagerecord d").Where("d.project_id = ?", query.ProjectId);
        if (query.Status is { } status)
        {
            usages.Where("d.status = ?", status.ToString());
        }

        // Days on the platform's calendar: a use registered at 07:30 China time on the 21st belongs to the 21st.
        if (query.From is { } from)
        {
            usages.Where("d.registered_at >= ?::timestamptz", ChinaTime.StartOf(from));
        }

        if (query.To is { } to)
        {
            usages.Where("d.registered_at < ?::timestamptz", ChinaTime.StartOf(to.AddDays(1)));
        }

        // A usage's id is a version 7 GUID made when it was registered: newest first is highest first.
        return await usages.OrderById(descending: true).PageAsync(session, query.Cursor, query.PageSize, u => u.Id, cancellationToken);
    }
}

public sealed class ListRigUsagesHandler(IQuerySession session, RequestContext context) : IQueryHandler<ListRigUsages, IReadOnlyList<UsageRecord>>
{
    public async ValueTask<IReadOnlyList<UsageRecord>> Handle(ListRigUsages query, CancellationToken cancellationToken)
    {
        var rig = await RigAccess.RequireReadableAsync(session, query.RigId, context.Actor, cancellationToken);
        return await session.Query<UsageRecord>().Where(u => u.RigId == rig.Id).OrderByDescending(u => u.RegisteredAt).ToListAsync(cancellationToken);
    }
}

public sealed class GetUsageHandler(IQuerySession session, IProjectDirectory projects, RequestContext context) : IQueryHandler<GetUsage, UsageRecord>
{
    public async ValueTask<UsageRecord> Handle(GetUsage query, CancellationToken cancellationToken)
    {
        var record = await session.LoadAsync<UsageRecord>(query.UsageId, cancellationToken);
        var project = record is null ? null : await projects.FindAsync(record.ProjectId, cancellationToken);
        return record is not null && project is not null && SupervisionAccess.MayRead(project, record.RigOwnerId, context.Actor)
            ? record
            : throw new RuleViolationException(SupervisionRules.UsageNotFound);
    }
}

public static class UsageQueriesEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/projects/{projectId:guid}/usages", async (Guid projectId, string? status, string? from, string? to, string? cursor, int? pageSize,
                ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListProjectUsages(projectId, QueryValues.ParseEnum<UsageStatus>(status, "status"),
                    QueryValues.ParseDay(from, "from"), QueryValues.ParseDay(to, "to"), cursor, Keyset.PageSize(pageSize)), ct)))
            .RequireAuthorization(Policies.Ready).WithTags("Supervision")
            .WithSummary("使用记录 of a project, newest first; ?status=in_use|suspended|exited&from=&to=&pageSize=, next page with ?cursor=nextCursor")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/rigs/{rigId:guid}/usages", async (Guid rigId, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListRigUsages(rigId), ct)))
            .RequireAuthorization(Policies.Ready).WithTags("Supervision").WithSummary("Every usage registration the rig ever had")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/usages/{usageId:guid}", async (Guid usageId, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetUsage(usageId), ct)))
            .RequireAuthorization(Policies.Ready).WithTags("Supervision")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
