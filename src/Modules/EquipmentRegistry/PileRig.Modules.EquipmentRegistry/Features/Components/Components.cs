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
using PileRig.Modules.EquipmentRegistry.Domain;
using PileRig.Modules.EquipmentRegistry.Infrastructure;
using PileRig.SharedKernel.Rules;

namespace PileRig.Modules.EquipmentRegistry.Features.Components;

/// <summary>Add a component to the rig's set; it gets its own code.</summary>
public sealed record AddComponent(Guid RigId, ComponentKind? Kind, string? Serial, bool? Structural) : ICommand<RigView>;

public sealed record AddComponentBody(ComponentKind? Kind, [property: MaxLength(100)] string? Serial, bool? Structural);

/// <summary>Replace a component: the old one is retired and its code revoked; the new one (same kind) gets a new code.</summary>
public sealed record ReplaceComponent(Guid RigId, Guid ComponentId, string? Serial, bool? Structural, string? Reason) : ICommand<RigView>;

public sealed record ReplaceComponentBody([property: MaxLength(100)] string? Serial, bool? Structural, [property: MaxLength(500)] string? Reason);

/// <summary>Remove a component from the set; its code is revoked.</summary>
public sealed record RemoveComponent(Guid RigId, Guid ComponentId, string? Reason) : ICommand<RigView>;

public sealed record RemoveComponentBody([property: MaxLength(500)] string? Reason);

public sealed class AddComponentValidator : AbstractValidator<AddComponent>
{
    public AddComponentValidator()
    {
        RuleFor(c => c.Kind).NotNull().WithRule(CommonRules.Required).IsInEnum().WithRule(CommonRules.InvalidValue);
        RuleFor(c => c.Serial).RequiredText(100);
    }
}

public sealed class ReplaceComponentValidator : AbstractValidator<ReplaceComponent>
{
    public ReplaceComponentValidator()
    {
        RuleFor(c => c.Serial).RequiredText(100);
        RuleFor(c => c.Reason).NotEmpty().WithRule(EquipmentRules.ReasonRequired).MaximumLength(500).WithRule(CommonRules.TooLong, ("max", 500));
    }
}

public sealed class RemoveComponentValidator : AbstractValidator<RemoveComponent>
{
    public RemoveComponentValidator() =>
        RuleFor(c => c.Reason).NotEmpty().WithRule(EquipmentRules.ReasonRequired).MaximumLength(500).WithRule(CommonRules.TooLong, ("max", 500));
}

public sealed class AddComponentHandler(IDocumentSession session, QrCodes codes, RequestContext context, TimeProvider clock)
    : ICommandHandler<AddComponent, RigView>
{
    public async ValueTask<RigView> Handle(AddComponent command, CancellationToken cancellationToken)
    {
        var stream = await RigAccess.RequireOwnStreamAsync(session, command.RigId, context, cancellationToken);
        var now = clock.GetUtcNow();
        var component = new RigComponent(Guid.CreateVersion7(), command.Kind!.Value, command.Serial!.Trim(),
            RigDecisions.StructuralByDefault(command.Kind.Value, command.Structural), QrCodes.NewItemCode(QrCodes.Component));
        var events = RigDecisions.AddComponent(stream.Aggregate!, component, context.Actor, now).EventsOrThrow();
        stream.AppendMany(events);
        RigAccess.Bind(session, component.Code, command.RigId, component, now);
        return RigView.From(stream.Aggregate!.Apply((ComponentAdded)events[0]) with { Version = stream.Aggregate.Version + 1 }, codes);
    }
}

public sealed class ReplaceComponentHandler(IDocumentSession session, QrCodes codes, RequestContext context, TimeProvider clock)
    : ICommandHandler<ReplaceComponent, RigView>
{
    public async ValueTask<RigView> Handle(ReplaceComponent command, CancellationToken cancellationToken)
    {
        var stream = await RigAccess.RequireOwnStreamAsync(session, command.RigId, context, cancellationToken);
        var rig = stream.Aggregate!;
        var now = clock.GetUtcNow();
        var kind = rig.Components.FirstOrDefault(c => c.Id == command.ComponentId)?.Kind ?? ComponentKind.Other;
        var replacement = new RigComponent(Guid.CreateVersion7(), kind, command.Serial!.Trim(),
            RigDecisions.StructuralByDefault(kind, command.Structural), QrCodes.NewItemCode(QrCodes.Component));
        var events = RigDecisions.ReplaceComponent(rig, command.ComponentId, replacement, command.Reason!.Trim(), context.Actor, now).EventsOrThrow();
        var replaced = (ComponentReplaced)events[0];
        stream.AppendMany(events);
        await RigAccess.RevokeAsync(session, replaced.RevokedCode, now, cancellationToken);
        RigAccess.Bind(session, replaced.Component.Code, rig.Id, replaced.Component, now);
        return RigView.From(rig.Apply(replaced) with { Version = rig.Version + 1 }, codes);
    }
}

public sealed class RemoveComponentHandler(IDocumentSession session, QrCodes codes, RequestContext context, TimeProvider clock)
    : ICommandHandler<RemoveComponent, RigView>
{
    public async ValueTask<RigView> Handle(RemoveComponent command, CancellationToken cancellationToken)
    {
        var stream = await RigAccess.RequireOwnStreamAsync(session, command.RigId, context, cancellationToken);
        var rig = stream.Aggregate!;
        var now = clock.GetUtcNow();
        var events = RigDecisions.RemoveComponent(rig, command.ComponentId, command.Reason!.Trim(), context.Actor, now).EventsOrThrow();
        var removed = (ComponentRemoved)events[0];
        stream.AppendMany(events);
        await RigAccess.RevokeAsync(session, removed.RevokedCode, now, cancellationToken);
        return RigView.From(rig.Apply(removed) with { Version = rig.Version + 1 }, codes);
    }
}

public static class ComponentsEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/rigs/{rigId:guid}/components", async (Guid rigId, AddComponentBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new AddComponent(rigId, body.Kind, body.Serial, body.Structural), ct)))
            .RequireAuthorization(Policies.RigOwner).WithTags("Rigs").WithSummary("Add a component (立柱节, 支撑杆, 动力头 …)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/rigs/{rigId:guid}/components/{componentId:guid}/replace",
                async (Guid rigId, Guid componentId, ReplaceComponentBody body, ISender sender, CancellationToken ct) =>
                    TypedResults.Ok(await sender.Send(new ReplaceComponent(rigId, componentId, body.Serial, body.Structural, body.Reason), ct)))
            .RequireAuthorization(Policies.RigOwner).WithTags("Rigs").WithSummary("Replace a component: the old one is retired, its code revoked")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/rigs/{rigId:guid}/components/{componentId:guid}/remove",
                async (Guid rigId, Guid componentId, RemoveComponentBody body, ISender sender, CancellationToken ct) =>
                    TypedResults.Ok(await sender.Send(new RemoveComponent(rigId, componentId, body.Reason), ct)))
            .RequireAuthorization(Policies.RigOwner).WithTags("Rigs").WithSummary("Remove a component; its code is revoked")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
