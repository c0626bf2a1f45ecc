using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.Http;
using PileRig.BuildingBlocks.Persistence;
using PileRig.Modules.EquipmentRegistry.Contracts;
using PileRig.Modules.Projects.Domain;
using PileRig.SharedKernel.Identity;
using PileRig.SharedKernel.Rules;

namespace PileRig.Modules.Projects.Features.ListProjects;

/// <summary>The projects the actor may see: a firm all of its own, an engineer those assigned to them.</summary>
public sealed record ListProjects(ProjectStatus? Status) : IQuery<IReadOnlyList<ProjectView>>;

public sealed class ListProjectsHandler(IQuerySession session, IRigUsageDirectory usages, RequestContext context) : IQueryHandler<ListProjects, IReadOnlyList<ProjectView>>
{
    public async ValueTask<IReadOnlyList<ProjectView>> Handle(ListProjects query, CancellationToken cancellationToken)
    {
        var actor = context.Actor;
        var projects = session.Query<Project>().AsQueryable();
        projects = actor.Role switch
        {
            Roles.SupervisionFirm => projects.Where(p => p.FirmId == actor.EnterpriseId),
            Roles.Engineer => projects.Where(p => p.FirmId == actor.EnterpriseId && p.EngineerIds.Contains(actor.AccountId)),
            Roles.Regulator => projects.Where(p => actor.Jurisdictions.Contains(p.JurisdictionCode)),
            Roles.Admin => projects,
            _ => projects.Where(_ => false),
        };
        if (query.Status is { } status)
        {
            projects = projects.Where(p => p.Status == status);
        }

        var list = await projects.OrderByDescending(p => p.CreatedAt).ToListAsync(cancellationToken);
        var inUse = await usages.CountOpenUsagesAsync(list.Select(p => p.Id).ToList(), cancellationToken);
        return list.Select(p => ProjectView.From(p, inUse.GetValueOrDefault(p.Id))).ToList();
    }
}

public sealed record GetProject(Guid ProjectId) : IQuery<ProjectView>;

public sealed class GetProjectHandler(IQuerySession session, IRigUsageDirectory usages, RequestContext context) : IQueryHandler<GetProject, ProjectView>
{
    public async ValueTask<ProjectView> Handle(GetProject query, CancellationToken cancellationToken)
    {
        var project = await ProjectGuards.RequireReadableAsync(session, query.ProjectId, context.Actor, cancellationToken);
        return ProjectView.From(project, await usages.CountOpenUsagesAsync(project.Id, cancellationToken));
    }
}

public sealed record GetProjectHistory(Guid ProjectId) : IQuery<IReadOnlyList<HistoryEntry>>;

public sealed class GetProjectHistoryHandler(IQuerySession session, RequestContext context) : IQueryHandler<GetProjectHistory, IReadOnlyList<HistoryEntry>>
{
    public async ValueTask<IReadOnlyList<HistoryEntry>> Handle(GetProjectHistory query, CancellationToken cancellationToken)
    {
        var project = await ProjectGuards.RequireReadableAsync(session, query.ProjectId, context.Actor, cancellationToken);
        return await StreamHistory.ReadAsync(session, project.Id, cancellationToken);
    }
}

/// <summary>The project as the platform knew it at a past moment, replayed from its events up to then.</summary>
public sealed record GetProjectStateAt(Guid ProjectId, DateTimeOffset At) : IQuery<ProjectView>;

public sealed class GetProjectStateAtHandler(IQuerySession session, IRigUsageDirectory usages, RequestContext context) : IQueryHandler<GetProjectStateAt, ProjectView>
{
    public async ValueTask<ProjectView> Handle(GetProjectStateAt query, CancellationToken cancellationToken)
    {
        await ProjectGuards.RequireReadableAsync(session, query.ProjectId, context.Actor, cancellationToken);
        var then = await session.Events.AggregateStreamAsync<Project>(query.ProjectId, timestamp: query.At, token: cancellationToken)
            ?? throw new RuleViolationException(ProjectRules.NotYetRegistered, ("at", query.At.ToString("u", System.Globalization.CultureInfo.InvariantCulture)));
        return ProjectView.From(then, await usages.CountOpenUsagesAtAsync(query.ProjectId, query.At, cancellationToken));
    }
}

public static class ListProjectsEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/projects", async (string? status, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListProjects(QueryValues.ParseEnum<ProjectStatus>(status, "status")), ct)))
            .RequireAuthorization(Policies.Ready)
            .WithTags("Projects")
            .WithSummary("Projects visible to the signed-in account; ?status=active|completed");
        api.MapGet("/projects/{projectId:guid}", async (Guid projectId, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetProject(projectId), ct)))
            .RequireAuthorization(Policies.Ready)
            .WithTags("Projects")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/projects/{projectId:guid}/state", async (Guid projectId, string? at, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetProjectStateAt(projectId, QueryValues.ParseInstant(at, "at")), ct)))
            .RequireAuthorization(Policies.Ready)
            .WithTags("Projects")
            .WithSummary("The project as the platform knew it at a past moment (?at=…, any ISO 8601 offset; without one, China time), replayed from its events")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/projects/{projectId:guid}/history", async (Guid projectId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetProjectHistory(projectId), ct)))
            .RequireAuthorization(Policies.Ready)
            .WithTags("Projects")
            .WithSummary("The project's history with who, when, client and why")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
