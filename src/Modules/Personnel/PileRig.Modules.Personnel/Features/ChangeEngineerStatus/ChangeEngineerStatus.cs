using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.Errors;
using PileRig.BuildingBlocks.Http;
using PileRig.Modules.Personnel.Domain;
using PileRig.Modules.Personnel.Infrastructure;
using PileRig.Modules.Personnel.Features.ListEngineers;
using PileRig.SharedKernel.Rules;

namespace PileRig.Modules.Personnel.Features.ChangeEngineerStatus;

/// <summary>Disable (Enable = false) or re-enable an engineer of the firm, with an optional reason for the record.</summary>
public sealed record ChangeEngineerStatus(Guid EngineerId, bool Enable, string? Reason) : ICommand<EngineerView>;

public sealed record StatusChangeBody([property: MaxLength(500)] string? Reason);

public sealed class ChangeEngineerStatusValidator : AbstractValidator<ChangeEngineerStatus>
{
    public ChangeEngineerStatusValidator() =>
        RuleFor(c => c.Reason).MaximumLength(500).WithRule(CommonRules.TooLong, ("max", 500));
}

public sealed class ChangeEngineerStatusHandler(IDocumentSession session, RequestContext context, TimeProvider clock)
    : ICommandHandler<ChangeEngineerStatus, EngineerView>
{
    public async ValueTask<EngineerView> Handle(ChangeEngineerStatus command, CancellationToken cancellationToken)
    {
        var stream = await EngineerStreams.RequireOwnAsync(session, command.EngineerId, context.Actor, cancellationToken);
        var engineer = stream.Aggregate!;

        var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        var decision = command.Enable
            ? AccountDecisions.Enable(engineer, context.Actor, reason, clock.GetUtcNow())
            : AccountDecisions.Disable(engineer, context.Actor, reason, clock.GetUtcNow());
        var events = decision.EventsOrThrow();
        stream.AppendMany(events);
        return EngineerView.From(events.Aggregate(engineer, (state, e) => e switch
        {
            AccountDisabled d => state.Apply(d),
            AccountEnabled en => state.Apply(en),
            _ => state,
        }));
    }
}

public static class ChangeEngineerStatusEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/engineers/{engineerId:guid}/disable", (Guid engineerId, StatusChangeBody? body, ISender sender, CancellationToken ct) =>
                Send(new ChangeEngineerStatus(engineerId, false, body?.Reason), sender, ct))
            .RequireAuthorization(Policies.SupervisionFirm)
            .WithTags("Engineers").WithSummary("Disable an engineer: they can no longer log in, and open sessions end")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/engineers/{engineerId:guid}/enable", (Guid engineerId, StatusChangeBody? body, ISender sender, CancellationToken ct) =>
                Send(new ChangeEngineerStatus(engineerId, true, body?.Reason), sender, ct))
            .RequireAuthorization(Policies.SupervisionFirm)
            .WithTags("Engineers").WithSummary("Re-enable a disabled engineer")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<EngineerView>> Send(ChangeEngineerStatus command, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(command, ct));
}
