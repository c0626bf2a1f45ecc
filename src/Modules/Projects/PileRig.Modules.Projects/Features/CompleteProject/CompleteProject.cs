using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.Http;
using PileRig.Modules.EquipmentRegistry.Contracts;
using PileRig.Modules.Projects.Domain;
using PileRig.SharedKernel.Rules;

namespace PileRig.Modules.Projects.Features.CompleteProject;

/// <summary>Close the project (完工); refused while any rig is in use on it.</summary>
public sealed record CompleteProject(Guid ProjectId, string? Reason) : ICommand<ProjectView>;

public sealed record CompleteProjectBody(string? Reason);

public sealed class CompleteProjectHandler(IDocumentSession session, IRigUsageDirectory usages, RequestContext context, TimeProvider clock)
    : ICommandHandler<CompleteProject, ProjectView>
{
    public async ValueTask<ProjectView> Handle(CompleteProject command, CancellationToken cancellationToken)
    {
        var stream = await ProjectGuards.RequireManagedStreamAsync(session, command.ProjectId, context.Actor, cancellationToken);
        var project = stream.Aggregate!;

        var open = await usages.CountOpenUsagesAsync(project.Id, cancellationToken);
        var events = ProjectDecisions.Complete(project, open, command.Reason?.Trim(), context.Actor, clock.GetUtcNow()).EventsOrThrow();
        stream.AppendMany(events);
        return ProjectView.From(project.Apply((ProjectCompleted)events[0]) with { Version = project.Version + 1 }, open);
    }
}

public static class CompleteProjectEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/projects/{projectId:guid}/complete", async (Guid projectId, CompleteProjectBody? body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new CompleteProject(projectId, body?.Reason), ct)))
            .RequireAuthorization(Policies.Supervision)
            .WithTags("Projects")
            .WithSummary("Complete (close) the project: only when no rig is in use on it")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
