using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.Http;
using PileRig.Modules.Personnel.Contracts;
using PileRig.Modules.Projects.Domain;
using PileRig.SharedKernel.Identity;
using PileRig.SharedKernel.Values;

namespace PileRig.Modules.Projects.Features.RegisterProject;

/// <summary>
/// 工程信息录入 by a supervision firm or one of its engineers. <c>PilingContractors</c> is typed as one string, several
/// names separated by commas. An engineer who registers a project is always one of its engineers.
/// </summary>
public sealed record RegisterProject(
    string? Name,
    string? ConstructionPermitNumber,
    string? InvestmentProjectCode,
    string? PilingContractors,
    string? JurisdictionCode,
    string? Address,
    IReadOnlyList<Guid>? EngineerIds) : ICommand<ProjectView>, IProjectInput;

public sealed class RegisterProjectValidator : AbstractValidator<RegisterProject>
{
    public RegisterProjectValidator() => ProjectInputRules.Apply(this);
}

public sealed class RegisterProjectHandler(IDocumentSession session, IAccountLookup accounts, RequestContext context, TimeProvider clock)
    : ICommandHandler<RegisterProject, ProjectView>
{
    public async ValueTask<ProjectView> Handle(RegisterProject command, CancellationToken cancellationToken)
    {
        var actor = context.Actor;
        var firmId = actor.EnterpriseId!.Value;
        var now = clock.GetUtcNow();
        var details = command.ToDetails();
        await ProjectGuards.RequireCurrentJurisdictionAsync(session, details.JurisdictionCode, ChinaTime.DayOf(now), cancellationToken);

        var engineers = (command.EngineerIds ?? []).ToList();
        if (actor.Role == Roles.Engineer && !engineers.Contains(actor.AccountId))
        {
            engineers.Insert(0, actor.AccountId);
        }

        engineers = engineers.Distinct().ToList();
        await ProjectGuards.RequireActiveEngineersOfFirmAsync(accounts, firmId, engineers, cancellationToken);

        var registered = new ProjectRegistered(Guid.CreateVersion7(), firmId, details, engineers, actor.AccountId, now);
        session.Events.StartStream<Project>(registered.ProjectId, registered);
        return ProjectView.From(Project.Create(registered) with { Version = 1 }, rigsInUse: 0);
    }
}

public static class RegisterProjectEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/projects", async (RegisterProject command, ISender sender, CancellationToken ct) =>
            {
                var project = await sender.Send(command, ct);
                return TypedResults.Created($"/api/v1/projects/{project.ProjectId}", project);
            })
            .RequireAuthorization(Policies.Supervision)
            .WithTags("Projects")
            .WithSummary("Register a project (工程) before any rig is registered on it")
            .ProducesProblem(StatusCodes.Status400BadRequest);
}
