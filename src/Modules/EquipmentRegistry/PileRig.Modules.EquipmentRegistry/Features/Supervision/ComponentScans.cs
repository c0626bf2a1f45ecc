using JasperFx.Events;
using Marten;
using PileRig.BuildingBlocks.Auditing;
using PileRig.Modules.EquipmentRegistry.Domain;
using PileRig.Modules.EquipmentRegistry.Features.Oversight;
using PileRig.Modules.EquipmentRegistry.Infrastructure;
using PileRig.SharedKernel.Rules;

namespace PileRig.Modules.EquipmentRegistry.Features.Supervision;

/// <summary>
/// One code scanned during a verification, as both the single scan and the phone's batch of queued scans handle it:
/// this rig's component is ticked (once); anything else is refused with its reason, the refusal appended to the
/// verification's stream and the failed scan recorded for the regulator.
/// </summary>
public sealed class ComponentScans(IQuerySession session, ScannedCodes scannedCodes, LabelCopies.LabelCopyWatch labelCopies, RequestContext context)
{
    public async Task<(Verification After, RuleViolation? Refusal)> ScanAsync(IEventStream<Verification> stream, Verification verification, Rig rig,
        Projects.Contracts.ProjectSummary project, string scanned, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var actor = context.Actor;
        var (outcome, binding) = await scannedCodes.ResolveAsync(scanned, cancellationToken);
        if (outcome == ScanOutcome.Valid && binding!.RigId != rig.Id)
        {
            outcome = ScanOutcome.ForeignComponent;
        }

        if (outcome != ScanOutcome.Valid)
        {
            await scannedCodes.RecordFailureAsync(scanned, outcome, binding, cancellationToken, rig.Id);
            var refused = new ComponentScanRefused(verification.Id, scanned, outcome.ToString().ToLowerInvariant(),
                outcome == ScanOutcome.ForeignComponent ? binding!.RigId : null, actor.AccountId, now);
            stream.AppendOne(refused);
            return (verification.Apply(refused), await RefusalAsync(outcome, binding, cancellationToken));
        }

        if (binding!.ComponentId is { } componentId && !verification.ScannedComponentIds.Contains(componentId))
        {
            await labelCopies.SeenAsync(binding.Id, rig, componentId, project, now, cancellationToken);

            var ticked = new ComponentScanned(verification.Id, rig.Id, componentId, binding.Id, actor.AccountId, now);
            stream.AppendOne(ticked);
            return (verification.Apply(ticked), null);
        }

        return (verification, null);
    }

    // 非本主机成套构件 names the rig the component really belongs to.
    private async Task<RuleViolation> RefusalAsync(ScanOutcome outcome, QrBinding? binding, CancellationToken cancellationToken)
    {
        if (outcome != ScanOutcome.ForeignComponent)
        {
            return CodeRules.For(outcome);
        }

        var other = (await session.LoadAsync<Rig>(binding!.RigId, cancellationToken))!;
        return RuleViolation.Of(SupervisionRules.ForeignComponent, ("otherRig", other.BaseUnitCode), ("otherRigId", other.Id),
            ("otherMaker", other.Description.Maker), ("otherModel", other.Description.Model));
    }
}
