using Marten;
using Mediator;
using Microsoft.AspNetCore.Routing;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.AuditTrail;

namespace PileRig.Modules.Projects.Features.Trail;

/// <summary>The project's stream as a tamper-evident trail, for whoever may read the project.</summary>
public sealed record ExportProjectTrail(Guid ProjectId) : IQuery<TrailDocument>;

public sealed class ExportProjectTrailHandler(IQuerySession session, AuditTrailStore trails, RequestContext context)
    : IQueryHandler<ExportProjectTrail, TrailDocument>
{
    public async ValueTask<TrailDocument> Handle(ExportProjectTrail query, CancellationToken cancellationToken)
    {
        var project = await ProjectGuards.RequireReadableAsync(session, query.ProjectId, context.Actor, cancellationToken);
        return await trails.ExportAsync(project.Id, project.Details.Name, cancellationToken);
    }
}

public static class ProjectTrailEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapTrailEndpoints("projects", "Projects", (id, sender, ct) => sender.Send(new ExportProjectTrail(id), ct));
}
