using System.ComponentModel.DataAnnotations;
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
using PileRig.Modules.Projects.Contracts;
using PileRig.SharedKernel.Rules;

namespace PileRig.Modules.EquipmentRegistry.Features.Supervision;

/// <summary>
/// Scans made without a signal, sent together when it returns: each code in the order it was scanned, in one
/// transaction, each with its own answer (ticked, or refused and why). The phone's queue sends its consecutive scans
/// of one verification this way, so a thousand queued scans are a handful of requests, not a thousand.
/// </summary>
public sealed record ScanComponents(Guid VerificationId, IReadOnlyList<string>? Scanned) : ICommand<ScanBatchAnswer>;

public sealed record ScanComponentsBody([property: MaxLength(ScanComponentsValidator.MaxCodes)] IReadOnlyList<string>? Scanned);

/// <summary>The verification after every code, and each code's own answer in the order sent.</summary>
public sealed record ScanBatchAnswer(VerificationView Verification, IReadOnlyList<ScanResultItem> Results);

public sealed record ScanResultItem(string Scanned, bool Accepted, string? Code, string? Message);

public sealed class ScanComponentsValidator : AbstractValidator<ScanComponents>
{
    public const int MaxCodes = 200;

    public ScanComponentsValidator()
    {
        RuleFor(c => c.Scanned).NotEmpty().WithRule(CommonRules.Required)
            .Must(s => s!.Count <= MaxCodes).WithRule(CommonRules.TooMany, ("max", MaxCodes));
        RuleForEach(c => c.Scanned).NotEmpty().WithRule(CommonRules.Required);
    }
}

public sealed class ScanComponentsHandler(IDocumentSession session, IProjectDirectory projects, ComponentScans scans,
    IOptions<SupervisionSettings> settings, RequestContext context, TimeProvider clock) : ICommandHandler<ScanComponents, ScanBatchAnswer>
{
    public async ValueTask<ScanBatchAnswer> Handle(ScanComponents command, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<Verification>(command.VerificationId, cancellationToken);
        var verification = stream.Aggregate ?? throw new RuleViolationException(SupervisionRules.VerificationNotFound);
        var project = await SupervisionAccess.RequireSupervisorAsync(projects, verification.ProjectId, context.Actor, cancellationToken);
        var rig = (await session.LoadAsync<Rig>(verification.RigId, cancellationToken))!;
        var now = clock.GetUtcNow();

        var results = new List<ScanResultItem>(command.Scanned!.Count);
        foreach (var scanned in command.Scanned)
        {
            (verification, var refusal) = await scans.ScanAsync(stream, verification, rig, project, scanned, now, cancellationToken);
            results.Add(refusal is null
                ? new ScanResultItem(scanned, true, null, null)
                : new ScanResultItem(scanned, false, refusal.Rule.Code, BuildingBlocks.Localization.Language.Format(refusal.Rule, refusal.Args)));
        }

        return new ScanBatchAnswer(await VerificationViews.BuildAsync(session, projects, verification, rig, settings.Value, now, cancellationToken), results);
    }
}

public static class ScanComponentsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/verifications/{verificationId:guid}/scans/batch", async (Guid verificationId, ScanComponentsBody body, ISender sender,
                CancellationToken ct) => TypedResults.Ok(await sender.Send(new ScanComponents(verificationId, body.Scanned), ct)))
            .RequireAuthorization(Policies.Supervision).WithTags("Supervision")
            .WithSummary("Several scans at once (the phone's queue after a time without signal), in order, each answered: ticked or refused and why")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
}
