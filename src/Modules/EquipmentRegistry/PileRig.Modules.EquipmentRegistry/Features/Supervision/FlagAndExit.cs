using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.Errors;
using PileRig.BuildingBlocks.Files;
using PileRig.BuildingBlocks.Http;
using PileRig.BuildingBlocks.Mediation;
using PileRig.Modules.EquipmentRegistry.Contracts;
using PileRig.Modules.EquipmentRegistry.Domain;
using PileRig.Modules.Projects.Contracts;
using PileRig.SharedKernel.Identity;
using PileRig.SharedKernel.Rules;
using PileRig.SharedKernel.Values;

namespace PileRig.Modules.EquipmentRegistry.Features.Supervision;

/// <summary>标记问题设备 from a project: category, written reason, photos. The rig is suspended at once.</summary>
public sealed record FlagRig(Guid RigId, Guid? ProjectId, FlagCategory? Category, string? Reason, IReadOnlyList<Guid>? PhotoFileIds) : ICommand<RigStatusAnswer>;

public sealed record FlagRigBody(Guid? ProjectId, FlagCategory? Category, [property: MaxLength(1000)] string? Reason, IReadOnlyList<Guid>? PhotoFileIds);

/// <summary>A regulator (or the admin) clears a flag with a reason; a suspended use then resumes.</summary>
public sealed record ClearFlag(Guid RigId, Guid FlagId, string? Reason) : ICommand<RigStatusAnswer>;

public sealed record ClearFlagBody([property: MaxLength(1000)] string? Reason);

/// <summary>退场: closes the usage registration for good.</summary>
public sealed record ExitUsage(Guid UsageId, string? Note, IReadOnlyList<Guid>? PhotoFileIds) : ICommand<UsageRecord>;

public sealed record ExitUsageBody([property: MaxLength(1000)] string? Note, IReadOnlyList<Guid>? PhotoFileIds);

public sealed record RigStatusAnswer(Guid RigId, RigStatus Status, Guid? FlagId, IReadOnlyList<OpenFlag> OpenFlags, CurrentUsage? Usage);

public sealed class FlagRigValidator : AbstractValidator<FlagRig>
{
    public FlagRigValidator()
    {
        RuleFor(c => c.Category).NotNull().WithRule(CommonRules.Required).IsInEnum().WithRule(CommonRules.InvalidValue);
        RuleFor(c => c.Reason).RequiredText(1000);
        RuleFor(c => c.PhotoFileIds).NotEmpty().WithRule(SupervisionRules.PhotosRequired);
    }
}

public sealed class ClearFlagValidator : AbstractValidator<ClearFlag>
{
    public ClearFlagValidator() => RuleFor(c => c.Reason).RequiredText(1000);
}

public sealed class ExitUsageValidator : AbstractValidator<ExitUsage>
{
    public ExitUsageValidator() => RuleFor(c => c.Note).MaximumLength(1000).WithRule(CommonRules.TooLong, ("max", 1000));
}

public sealed class FlagRigHandler(IDocumentSession session, IProjectDirectory projects, IIntegrationEventPublisher publisher, RequestContext context,
    TimeProvider clock)
    : ICommandHandler<FlagRig, RigStatusAnswer>
{
    public async ValueTask<RigStatusAnswer> Handle(FlagRig command, CancellationToken cancellationToken)
    {
        var actor = context.Actor;
        var stream = await session.Events.FetchForWriting<Rig>(command.RigId, cancellationToken);
        var rig = stream.Aggregate ?? throw new RuleViolationException(EquipmentRules.NotYourRig);
        var (project, jurisdiction) = actor.Role == Roles.Regulator
            ? await RegulatorContextAsync(rig, actor, cancellationToken)
            : await SupervisorContextAsync(rig, command.ProjectId, actor, cancellationToken);

        var photos = await session.RequireOwnManyAsync(command.PhotoFileIds, actor.AccountId, "photoFileIds", cancellationToken);
        var flagged = (RigFlagged)SupervisionDecisions.Flag(rig, command.Category!.Value, command.Reason!.Trim(), photos, project?.ProjectId,
            jurisdiction, actor,
            clock.GetUtcNow()).EventsOrThrow()[0];
        stream.AppendOne(flagged);
        await UsageRecords.ApplyAsync(session, flagged.SuspendedUsageId, r => r.Apply(flagged), cancellationToken);
        var after = rig.Apply(flagged);
        var d = rig.Description;
        await publisher.PublishAsync(new RigFlaggedIntegrationEvent(rig.Id, flagged.FlagId, System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(flagged.Category.ToString()),
            $"{d.Maker} {d.Model} {d.FactorySerial}", rig.OwnerId, project?.FirmId, project?.ProjectId, project?.Name, jurisdiction, flagged.At));
        return new RigStatusAnswer(rig.Id, after.Status, flagged.FlagId, after.OpenFlags, after.Usage);
    }

    // A firm flags what it has in front of it: a rig in use on its project, or one it verified there.
    private async Task<(ProjectSummary? Project, string? Jurisdiction)> SupervisorContextAsync(Rig rig, Guid? projectId, Actor actor, CancellationToken cancellationToken)
    {
        if (projectId is null)
        {
            throw new InputValidationException("projectId", CommonRules.Required);
        }

        var project = await SupervisionAccess.RequireSupervisorAsync(projects, projectId.Value, actor, cancellationToken);
        var verifiedHere = await session.Query<Verification>().AnyAsync(v => v.RigId == rig.Id && v.ProjectId == project.ProjectId, cancellationToken);
        return rig.Usage?.ProjectId == project.ProjectId || verifiedHere
            ? (project, project.JurisdictionCode)
            : throw new RuleViolationException(SupervisionRules.FlagNeedsContext);
    }

    // A regulator flags a rig within its oversight (entered, flagged or spot-checked in its jurisdictions).
    private async Task<(ProjectSummary? Project, string? Jurisdiction)> RegulatorContextAsync(Rig rig, Actor actor, CancellationToken cancellationToken)
    {
        if (!RigDecisions.MayRead(rig, actor))
        {
            throw new RuleViolationException(EquipmentRules.NotYourRig);
        }

        var usageProject = rig.Usage is null ? null : await projects.FindAsync(rig.Usage.ProjectId, cancellationToken);
        return usageProject is not null && actor.Jurisdictions.Contains(usageProject.JurisdictionCode)
            ? (usageProject, usageProject.JurisdictionCode)
            : (null, rig.Jurisdictions.First(actor.Jurisdictions.Contains));
    }
}

public sealed class ClearFlagHandler(IDocumentSession session, IProjectDirectory projects, RequestContext context, TimeProvider clock)
    : ICommandHandler<ClearFlag, RigStatusAnswer>
{
    public async ValueTask<RigStatusAnswer> Handle(ClearFlag command, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<Rig>(command.RigId, cancellationToken);
        var rig = stream.Aggregate ?? throw new RuleViolationException(EquipmentRules.NotYourRig);
        // A regulator clears flags raised in its own jurisdictions; the admin any.
        if (context.Actor.Role == Roles.Regulator && rig.OpenFlags.FirstOrDefault(f => f.FlagId == command.FlagId) is { ProjectId: { } projectId }
            && await projects.FindAsync(projectId, cancellationToken) is { } project && !context.Actor.Jurisdictions.Contains(project.JurisdictionCode))
        {
            throw new RuleViolationException(SupervisionRules.NotYourJurisdiction);
        }

        var cleared = (FlagCleared)SupervisionDecisions.ClearFlag(rig, command.FlagId, command.Reason!.Trim(), context.Actor, clock.GetUtcNow())
            .EventsOrThrow()[0];
        stream.AppendOne(cleared);
        await UsageRecords.ApplyAsync(session, cleared.ResumedUsageId, r => r.Apply(cleared), cancellationToken);
        var after = rig.Apply(cleared);
        return new RigStatusAnswer(rig.Id, after.Status, null, after.OpenFlags, after.Usage);
    }
}

public sealed class ExitUsageHandler(IDocumentSession session, IProjectDirectory projects, RequestContext context, TimeProvider clock) : ICommandHandler<ExitUsage, UsageRecord>
{
    public async ValueTask<UsageRecord> Handle(ExitUsage command, CancellationToken cancellationToken)
    {
        var actor = context.Actor;
        var record = await session.LoadAsync<UsageRecord>(command.UsageId, cancellationToken)
            ?? throw new RuleViolationException(SupervisionRules.UsageNotFound);
        await SupervisionAccess.RequireSupervisorAsync(projects, record.ProjectId, actor, cancellationToken);
        if (record.Status == UsageStatus.Exited)
        {
            throw new RuleViolationException(SupervisionRules.UsageClosed);
        }

        var stream = await session.Events.FetchForWriting<Rig>(record.RigId, cancellationToken);
        var photos = await session.RequireOwnManyAsync(command.PhotoFileIds, actor.AccountId, "photoFileIds", cancellationToken);
        var exited = (UsageExited)SupervisionDecisions.Exit(stream.Aggregate!, record.Id, command.Note?.Trim(), photos, actor, clock.GetUtcNow())
            .EventsOrThrow()[0];
        stream.AppendOne(exited);
        var closed = record.Apply(exited);
        session.Store(closed);
        return closed;
    }
}

public static class UsageRecords
{
    public static async Task ApplyAsync(IDocumentSession session, Guid? usageId, Func<UsageRecord, UsageRecord> change, CancellationToken cancellationToken)
    {
        if (usageId is { } id && await session.LoadAsync<UsageRecord>(id, cancellationToken) is { } record)
        {
            session.Store(change(record));
        }
    }
}

public static class FlagAndExitEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/rigs/{rigId:guid}/flags", async (Guid rigId, FlagRigBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new FlagRig(rigId, body.ProjectId, body.Category, body.Reason, body.PhotoFileIds), ct)))
            .RequireAuthorization(Policies.FlagRaisers).WithTags("Supervision")
            .WithSummary("标记问题设备: category (cloned, false_information, unqualified, other), reason, photos; suspends the rig and its use. Firms and engineers name their project; regulators flag rigs within their oversight")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/rigs/{rigId:guid}/flags/{flagId:guid}/clear", async (Guid rigId, Guid flagId, ClearFlagBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ClearFlag(rigId, flagId, body.Reason), ct)))
            .RequireAuthorization(Policies.Oversight).WithTags("Supervision")
            .WithSummary("Clear a flag (regulator or admin), with a reason; a suspended use resumes")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/usages/{usageId:guid}/exit", async (Guid usageId, ExitUsageBody? body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ExitUsage(usageId, body?.Note, body?.PhotoFileIds), ct)))
            .RequireAuthorization(Policies.Supervision).WithTags("Supervision")
            .WithSummary("退场: close the usage registration for good; the rig is free for another project")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
