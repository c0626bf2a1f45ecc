using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.Errors;
using PileRig.BuildingBlocks.Http;
using PileRig.Modules.Personnel.Contracts;
using PileRig.Modules.EquipmentRegistry.Contracts;
using PileRig.Modules.Projects.Domain;
using PileRig.SharedKernel.Rules;

namespace PileRig.Modules.Projects.Features.ChangeProjectEngineers;

/// <summary>Set the engineers responsible for the project's rigs; additions and removals are recorded with the reason.</summary>
public sealed record ChangeProjectEngineers(Guid ProjectId, IReadOnlyList<Guid>? EngineerIds, string? Reason) : ICommand<ProjectView>;

public sealed record ChangeProjectEngineersBody(IReadOnlyList<Guid>? EngineerIds, [property: MaxLength(500)] string? Reason);

public sealed class ChangeProjectEngineersValidator : AbstractValidator<ChangeProjectEngineers>
{
    public ChangeProjectEngineersValidator()
    {
        RuleFor(c => c.EngineerIds).NotNull().WithRule(CommonRules.Required);
        RuleFor(c => c.Reason).MaximumLength(500).WithRule(CommonRules.TooLong, ("max", 500));
    }
}

public sealed class ChangeProjectEngineersHandler(IDocumentSession session, IAccountLookup accounts, IRigUsageDirectory usages, RequestContext context,
    TimeProvider clock)
    : ICommandHandler<ChangeProjectEngineers, ProjectView>
{
    public async ValueTask<ProjectView> Handle(ChangeProjectEngineers command, CancellationToken cancellationToken)
    {
        var actor = context.Actor;
        var stream = await ProjectGuards.RequireManagedStreamAsync(session, command.ProjectId, actor, cancellationToken);
        var project = stream.Aggregate!;

        var wanted = command.EngineerIds!.Distinct().ToList();
        await ProjectGuards.RequireActiveEngineersOfFirmAsync(accounts, project.FirmId, wanted.Except(project.EngineerIds), cancellationToken);
        var events = ProjectDecisions.ChangeEngineers(project, wanted,
            string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim(), actor, clock.GetUtcNow()).EventsOrThrow();
        stream.AppendMany(events);
        return ProjectView.From(project.Apply((ProjectEngineersChanged)events[0]) with { Version = project.Version + 1 },
            await usages.CountOpenUsagesAsync(project.Id, cancellationToken));
    }
}

public static class ChangeProjectEngineersEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/projects/{projectId:guid}/engineers", async (Guid projectId, ChangeProjectEngineersBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ChangeProjectEngineers(projectId, body.EngineerIds, body.Reason), ct)))
            .RequireAuthorization(Policies.Supervision)
            .WithTags("Projects")
            .WithSummary("Set the project's engineers (any of the firm's active engineers)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
