using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.Errors;
using PileRig.BuildingBlocks.Http;
using PileRig.Modules.EquipmentRegistry.Domain;
using PileRig.Modules.EquipmentRegistry.Features.Oversight;
using PileRig.Modules.EquipmentRegistry.Infrastructure;
using PileRig.Modules.Projects.Contracts;
using PileRig.SharedKernel.Rules;

namespace PileRig.Modules.EquipmentRegistry.Features.Supervision;

/// <summary>Scan the base unit's code (label URL or bare code) on a project: starts a verification session.</summary>
public sealed record StartVerification(Guid ProjectId, string? Scanned) : ICommand<VerificationView>;

/// <summary>Scan one more code in the session: this rig's component is ticked; anything else is refused and recorded.</summary>
public sealed record ScanComponent(Guid VerificationId, string? Scanned) : ICommand<VerificationView>;

public sealed record ScanBody(string? Scanned);

public sealed class StartVerificationValidator : AbstractValidator<StartVerification>
{
    public StartVerificationValidator() => RuleFor(c => c.Scanned).NotEmpty().WithRule(CommonRules.Required);
}

public sealed class ScanComponentValidator : AbstractValidator<ScanComponent>
{
    public ScanComponentValidator() => RuleFor(c => c.Scanned).NotEmpty().WithRule(CommonRules.Required);
}

public sealed class StartVerificationHandler(IDocumentSession session, IProjectDirectory projects, ScannedCodes scannedCodes,
    LabelCopies.LabelCopyWatch labelCopies, IOptions<SupervisionSettings> settings, RequestContext context, TimeProvider clock)
    : ICommandHandler<StartVerification, VerificationView>
{
    public async ValueTask<VerificationView> Handle(StartVerification command, CancellationToken cancellationToken)
    {
        var project = await SupervisionAccess.RequireSupervisorAsync(projects, command.ProjectId, context.Actor, cancellationToken);
        if (!project.IsActive)
        {
            throw new RuleViolationException(SupervisionRules.ProjectNotActive);
        }

        var (outcome, binding) = await scannedCodes.ResolveAsync(command.Scanned!, cancellationToken);
        if (outcome != ScanOutcome.Valid)
        {
            await scannedCodes.RecordFailureAsync(command.Scanned!, outcome, binding, cancellationToken);
            throw new RuleViolationException(CodeRules.For(outcome));
        }

        if (binding!.ComponentId is not null)
        {
            throw new InputValidationException("scanned", SupervisionRules.ScanTheBaseUnit);
        }

        var rig = (await session.LoadAsync<Rig>(binding.RigId, cancellationToken))!;
        var now = clock.GetUtcNow();
        await labelCopies.SeenAsync(binding.Id, rig, null, project, now, cancellationToken);
        var started = new VerificationStarted(Guid.CreateVersion7(), rig.Id, project.ProjectId, context.Actor.AccountId, now);
        session.Events.StartStream<Verification>(started.VerificationId, started);
        return await VerificationViews.BuildAsync(session, projects, Verification.Create(started), rig, settings.Value, now, cancellationToken);
    }
}

public sealed class ScanComponentHandler(IDocumentSession session, IProjectDirectory projects, ComponentScans scans,
    IOptions<SupervisionSettings> settings, RequestContext context, TimeProvider clock) : ICommandHandler<ScanComponent, VerificationView>
{
    public async ValueTask<VerificationView> Handle(ScanComponent command, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<Verification>(command.VerificationId, cancellationToken);
        var verification = stream.Aggregate ?? throw new RuleViolationException(SupervisionRules.VerificationNotFound);
        var project = await SupervisionAccess.RequireSupervisorAsync(projects, verification.ProjectId, context.Actor, cancellationToken);
        var rig = (await session.LoadAsync<Rig>(verification.RigId, cancellationToken))!;
        var now = clock.GetUtcNow();

        var (after, refusal) = await scans.ScanAsync(stream, verification, rig, project, command.Scanned!, now, cancellationToken);
        return refusal is not null
            ? throw new RecordedRefusalException(refusal)
            : await VerificationViews.BuildAsync(session, projects, after, rig, settings.Value, now, cancellationToken);
    }
}

public sealed record GetVerification(Guid VerificationId) : IQuery<VerificationView>;

public sealed class GetVerificationHandler(IQuerySession session, IProjectDirectory projects, IOptions<SupervisionSettings> settings,
    RequestContext context, TimeProvider clock) : IQueryHandler<GetVerification, VerificationView>
{
    public async ValueTask<VerificationView> Handle(GetVerification query, CancellationToken cancellationToken)
    {
        var verification = await session.LoadAsync<Verification>(query.VerificationId, cancellationToken)
            ?? throw new RuleViolationException(SupervisionRules.VerificationNotFound);
        await SupervisionAccess.RequireSupervisorAsync(projects, verification.ProjectId, context.Actor, cancellationToken);
        var rig = (await session.LoadAsync<Rig>(verification.RigId, cancellationToken))!;
        return await VerificationViews.BuildAsync(session, projects, verification, rig, settings.Value, clock.GetUtcNow(), cancellationToken);
    }
}

public static class VerificationsEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/projects/{projectId:guid}/verifications", async (Guid projectId, ScanBody body, ISender sender, CancellationToken ct) =>
            {
                var view = await sender.Send(new StartVerification(projectId, body.Scanned), ct);
                return TypedResults.Created($"/api/v1/verifications/{view.VerificationId}", view);
            })
            .RequireAuthorization(Policies.Supervision).WithTags("Supervision")
            .WithSummary("设备校验: scan the base unit's code on a project; answers everything to compare with the papers and the machine")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/verifications/{verificationId:guid}/scans", async (Guid verificationId, ScanBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ScanComponent(verificationId, body.Scanned), ct)))
            .RequireAuthorization(Policies.Supervision).WithTags("Supervision")
            .WithSummary("Scan a component: ticked if it is this rig's, refused (and recorded) otherwise — 非本主机成套构件 names its rig")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/verifications/{verificationId:guid}", async (Guid verificationId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetVerification(verificationId), ct)))
            .RequireAuthorization(Policies.Supervision).WithTags("Supervision")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }
}
