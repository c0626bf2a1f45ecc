using Marten;
using Marten.Pagination;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.Errors;
using PileRig.BuildingBlocks.Http;
using PileRig.Modules.EquipmentRegistry.Domain;
using PileRig.Modules.EquipmentRegistry.Features;
using PileRig.Modules.Projects.Contracts;
using PileRig.SharedKernel.Rules;
using PileRig.SharedKernel.Values;

namespace PileRig.Modules.EquipmentRegistry.Features.Supervision;

public sealed record UsagePage(IReadOnlyList<UsageRecord> Items, long Total, int Page, int PageSize);

/// <summary>使用记录 of a project: in use, suspended and exited, filtered by status and registration date, paginated.</summary>
public sealed record ListProjectUsages(Guid ProjectId, UsageStatus? Status, DateOnly? From, DateOnly? To, int Page, int PageSize) : IQuery<UsagePage>;

/// <summary>Every usage registration a rig ever had, newest first.</summary>
public sealed record ListRigUsages(Guid RigId) : IQuery<IReadOnlyList<UsageRecord>>;

public sealed record GetUsage(Guid UsageId) : IQuery<UsageRecord>;

public sealed class ListProjectUsagesHandler(IQuerySession session, IProjectDirectory projects, RequestContext context) : IQueryHandler<ListProjectUsages, UsagePage>
{
    public async ValueTask<UsagePage> Handle(ListProjectUsages query, CancellationToken cancellationToken)
    {
        var project = await projects.FindAsync(query.ProjectId, cancellationToken);
        if (project is null || !SupervisionAccess.MayRead(project, Guid.Empty, context.Actor))
        {
            throw new RuleViolationException(SupervisionRules.NotOnYourProject);
        }

        var usages = session.Query<UsageRecord>().Where(u => u.ProjectId == query.ProjectId);
        if (query.Status is { } status)
        {
            usages = usages.Where(u => u.Status == status);
        }

        // Days on the platform's calendar: a use registered at 07:30 China time on the 21st belongs to the 21st.
        if (query.From is { } from)
        {
            var since = ChinaTime.StartOf(from);
            usages = usages.Where(u => u.RegisteredAt >= since);
        }

        if (query.To is { } to)
        {
            var until = ChinaTime.StartOf(to.AddDays(1));
            usages = usages.Where(u => u.RegisteredAt < until);
        }

        var page = await usages.OrderByDescending(u => u.RegisteredAt).ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        return new UsagePage(page.ToList(), page.TotalItemCount, query.Page, query.PageSize);
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
        api.MapGet("/projects/{projectId:guid}/usages", async (Guid projectId, string? status, string? from, string? to, int? page, int? pageSize,
                ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListProjectUsages(projectId, QueryValues.ParseEnum<UsageStatus>(status, "status"),
                    QueryValues.ParseDay(from, "from"), QueryValues.ParseDay(to, "to"), QueryValues.ParsePage(page), Math.Clamp(pageSize ?? 20, 1, 100)), ct)))
            .RequireAuthorization(Policies.Ready).WithTags("Supervision")
            .WithSummary("使用记录 of a project; ?status=in_use|suspended|exited&from=&to=&page=&pageSize=")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/rigs/{rigId:guid}/usages", async (Guid rigId, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListRigUsages(rigId), ct)))
            .RequireAuthorization(Policies.Ready).WithTags("Supervision").WithSummary("Every usage registration the rig ever had")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/usages/{usageId:guid}", async (Guid usageId, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetUsage(usageId), ct)))
            .RequireAuthorization(Policies.Ready).WithTags("Supervision")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
