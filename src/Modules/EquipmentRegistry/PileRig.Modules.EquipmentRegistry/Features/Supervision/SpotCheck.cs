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
using PileRig.SharedKernel.Rules;
using PileRig.SharedKernel.Values;

namespace PileRig.Modules.EquipmentRegistry.Features.Supervision;

/// <summary>
/// 监管抽查: a regulator scans a rig's base unit where it stands, in one of its jurisdictions (optional when it has one).
/// Recorded on the rig's stream with what was seen; the rig is then within that regulator's oversight.
/// </summary>
public sealed record SpotCheck(string? Scanned, string? JurisdictionCode) : ICommand<SpotCheckAnswer>;

public sealed record SpotCheckAnswer(RigView Rig, IReadOnlyList<string> Warnings);

public sealed class SpotCheckValidator : AbstractValidator<SpotCheck>
{
    public SpotCheckValidator() => RuleFor(c => c.Scanned).NotEmpty().WithRule(CommonRules.Required);
}

public sealed class SpotCheckHandler(IDocumentSession session, ScannedCodes scannedCodes, QrCodes codes, IOptions<SupervisionSettings> settings,
    RequestContext context, TimeProvider clock) : ICommandHandler<SpotCheck, SpotCheckAnswer>
{
    public async ValueTask<SpotCheckAnswer> Handle(SpotCheck command, CancellationToken cancellationToken)
    {
        var actor = context.Actor;
        var jurisdiction = command.JurisdictionCode ?? (actor.Jurisdictions.Count == 1 ? actor.Jurisdictions[0] : null);
        if (jurisdiction is null || !actor.Jurisdictions.Contains(jurisdiction))
        {
            throw new InputValidationException("jurisdictionCode", SupervisionRules.SpotCheckJurisdiction);
        }

        var (outcome, binding) = await scannedCodes.ResolveAsync(command.Scanned!, cancellationToken);
        if (outcome != ScanOutcome.Valid)
        {
            await scannedCodes.RecordFailureAsync(command.Scanned!, outcome, binding, cancellationToken);
            throw new RuleViolationException(CodeRules.For(outcome));
        }

        var stream = await session.Events.FetchForWriting<Rig>(binding!.RigId, cancellationToken);
        var rig = stream.Aggregate!;
        var now = clock.GetUtcNow();
        var warnings = SupervisionDecisions.Warnings(rig, settings.Value, ChinaTime.DayOf(now));
        var checkedEvent = new RigSpotChecked(rig.Id, jurisdiction, rig.Status, warnings, actor.AccountId, now);
        stream.AppendOne(checkedEvent);
        return new SpotCheckAnswer(RigView.From(rig.Apply(checkedEvent) with { Version = rig.Version + 1 }, codes), warnings);
    }
}

public static class SpotCheckEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/spot-checks", async (SpotCheck command, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(command, ct)))
            .RequireAuthorization(Policies.Regulator).WithTags("Oversight")
            .WithSummary("监管抽查: a regulator scans a rig on site; recorded on the rig's stream, the rig joins its oversight")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
}
