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
using PileRig.Modules.EquipmentRegistry.Contracts;
using PileRig.Modules.Projects.Domain;
using PileRig.SharedKernel.Rules;
using PileRig.SharedKernel.Values;

namespace PileRig.Modules.Projects.Features.EditProject;

/// <summary>Replace a project's details, with a reason for the record.</summary>
public sealed record EditProject(
    Guid ProjectId,
    string? Name,
    string? ConstructionPermitNumber,
    string? InvestmentProjectCode,
    string? PilingContractors,
    string? JurisdictionCode,
    string? Address,
    string? Reason) : ICommand<ProjectView>, IProjectInput;

public sealed record EditProjectBody(string? Name, string? ConstructionPermitNumber, string? InvestmentProjectCode, string? PilingContractors,
    string? JurisdictionCode, string? Address, [property: MaxLength(500)] string? Reason);

public sealed class EditProjectValidator : AbstractValidator<EditProject>
{
    public EditProjectValidator()
    {
        ProjectInputRules.Apply(this);
        RuleFor(c => c.Reason).MaximumLength(500).WithRule(CommonRules.TooLong, ("max", 500));
    }
}

public sealed class EditProjectHandler(IDocumentSession session, IRigUsageDirectory usages, RequestContext context, TimeProvider clock)
    : ICommandHandler<EditProject, ProjectView>
{
    public async ValueTask<ProjectView> Handle(EditProject command, CancellationToken cancellationToken)
    {
        var actor = context.Actor;
        var stream = await ProjectGuards.RequireManagedStreamAsync(session, command.ProjectId, actor, cancellationToken);
        var project = stream.Aggregate!;

        var now = clock.GetUtcNow();
        var details = command.ToDetails();
        if (details.JurisdictionCode != project.Details.JurisdictionCode)
        {
            await ProjectGuards.RequireCurrentJurisdictionAsync(session, details.JurisdictionCode, ChinaTime.DayOf(now), cancellationToken);
        }

        var events = ProjectDecisions.Edit(project, details, string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim(), actor, now)
            .EventsOrThrow();
        stream.AppendMany(events);
        return ProjectView.From(project.Apply((ProjectDetailsEdited)events[0]) with { Version = project.Version + 1 },
            await usages.CountOpenUsagesAsync(project.Id, cancellationToken));
    }
}

public static class EditProjectEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/projects/{projectId:guid}", async (Guid projectId, EditProjectBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new EditProject(projectId, body.Name, body.ConstructionPermitNumber, body.InvestmentProjectCode,
                    body.PilingContractors, body.JurisdictionCode, body.Address, body.Reason), ct)))
            .RequireAuthorization(Policies.Supervision)
            .WithTags("Projects")
            .WithSummary("Edit a project's details (recorded with who and why)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
