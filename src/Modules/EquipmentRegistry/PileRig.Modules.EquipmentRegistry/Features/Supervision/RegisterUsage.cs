using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.Errors;
using PileRig.BuildingBlocks.Files;
using PileRig.BuildingBlocks.Http;
using PileRig.BuildingBlocks.Mediation;
using PileRig.Modules.EquipmentRegistry.Domain;
using PileRig.Modules.EquipmentRegistry.Contracts;
using PileRig.Modules.Projects.Contracts;
using PileRig.SharedKernel.Values;
using PileRig.SharedKernel.Rules;

namespace PileRig.Modules.EquipmentRegistry.Features.Supervision;

/// <summary>使用登记 from a verification: installed height, power heads and the signed 《进场设备报验表》.</summary>
public sealed record RegisterUsage(Guid VerificationId, decimal? InstalledHeightMetres, int? PowerHeadCount, Guid? EntryInspectionFormFileId)
    : ICommand<UsageRecord>;

public sealed record RegisterUsageBody(decimal? InstalledHeightMetres, int? PowerHeadCount, Guid? EntryInspectionFormFileId);

public sealed class RegisterUsageValidator : AbstractValidator<RegisterUsage>
{
    public RegisterUsageValidator()
    {
        RuleFor(c => c.InstalledHeightMetres).NotNull().WithRule(CommonRules.Required)
            .Must(h => h > 0 && decimal.Round(h!.Value, 1) == h).WithRule(SupervisionRules.InstalledHeight);
        RuleFor(c => c.PowerHeadCount).NotNull().WithRule(CommonRules.Required);
        RuleFor(c => c.EntryInspectionFormFileId).NotEmpty().WithRule(CommonRules.Required);
    }
}

public sealed class RegisterUsageHandler(IDocumentSession session, IDocumentStore store, IProjectDirectory projects, IOptions<SupervisionSettings> settings,
    RequestContext context, LostRaceAnswer lostRace, IIntegrationEventPublisher publisher, TimeProvider clock) : ICommandHandler<RegisterUsage, UsageRecord>
{
    public async ValueTask<UsageRecord> Handle(RegisterUsage command, CancellationToken cancellationToken)
    {
        var actor = context.Actor;
        // The verification (its snapshot, written with its events) and the form in one round trip.
        var batch = session.CreateBatchQuery();
        var verificationRead = batch.Load<Verification>(command.VerificationId);
        var formRead = batch.Load<UploadedFile>(command.EntryInspectionFormFileId!.Value);
        await batch.Execute(cancellationToken);
        var verification = await verificationRead ?? throw new RuleViolationException(SupervisionRules.VerificationNotFound);
        var project = await SupervisionAccess.RequireSupervisorAsync(projects, verification.ProjectId, actor, cancellationToken);
        if (!project.IsActive)
        {
            throw new RuleViolationException(SupervisionRules.ProjectNotActive);
        }

        var form = UploadedFiles.RequireOwn(await formRead, actor.AccountId, "entryInspectionFormFileId");

        // The rig's stream at the version read here is the lock: of two entries racing, the second append fails and is
        // told where the rig went.
        var stream = await session.Events.FetchForWriting<Rig>(verification.RigId, cancellationToken);
        var rig = stream.Aggregate!;
        lostRace.Use(ct => WhereTheRigWentAsync(rig.Id, ct));
        var currentProject = rig.Usage is null ? null : await projects.FindAsync(rig.Usage.ProjectId, cancellationToken);
        var entry = new SupervisionDecisions.EntryInput(command.InstalledHeightMetres!.Value, command.PowerHeadCount!.Value, form.ToRef());
        var events = SupervisionDecisions.RegisterUsage(rig, verification, project.FirmId, project.JurisdictionCode, entry, currentProject?.Name, settings.Value, actor,
            clock.GetUtcNow()).EventsOrThrow();
        var registered = (UsageRegistered)events[0];
        stream.AppendOne(registered);

        var record = UsageRecord.From(registered, rig, project);
        session.Store(record);

        // A certificate or service life ending within the notice window: the firm now using the rig and the
        // jurisdiction's regulators hear of it at once (the owner was told when the window opened; told once).
        foreach (var (document, endsOn) in ExpiryNotices.Due(rig, settings.Value, ChinaTime.DayOf(registered.At)))
        {
            var d = rig.Description;
            await publisher.PublishAsync(new RigExpiryApproachingIntegrationEvent(rig.Id, $"{d.Maker} {d.Model} {d.FactorySerial}", rig.OwnerId, document,
                endsOn, project.FirmId, project.JurisdictionCode));
        }

        return record;
    }

    // Read afresh: this session still holds the rig as this (losing) entry changed it.
    private async Task<RuleViolation> WhereTheRigWentAsync(Guid rigId, CancellationToken cancellationToken)
    {
        await using var fresh = store.QuerySession();
        var rig = await fresh.LoadAsync<Rig>(rigId, cancellationToken);
        var now = rig?.Usage is null ? null : await projects.FindAsync(rig.Usage.ProjectId, cancellationToken);
        return RuleViolation.Of(SupervisionRules.RigTakenConcurrently, ("project", now?.Name ?? "?"), ("projectId", now?.ProjectId));
    }
}

public static class RegisterUsageEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/verifications/{verificationId:guid}/usage", async (Guid verificationId, RegisterUsageBody body, ISender sender, CancellationToken ct) =>
            {
                var record = await sender.Send(new RegisterUsage(verificationId, body.InstalledHeightMetres, body.PowerHeadCount, body.EntryInspectionFormFileId), ct);
                return TypedResults.Created($"/api/v1/usages/{record.Id}", record);
            })
            .RequireAuthorization(Policies.Supervision).WithTags("Supervision")
            .WithSummary("使用登记: register the verified rig's entry onto the project (every rule of the domain guide §4 enforced)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
}
