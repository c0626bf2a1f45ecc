using Marten;
using Mediator;
using PileRig.BuildingBlocks.Auditing;
using PileRig.Modules.EquipmentRegistry.Domain;
using PileRig.Modules.EquipmentRegistry.Infrastructure;

namespace PileRig.Modules.EquipmentRegistry.Features.PublicScan;

public enum ScanOutcome
{
    Valid,
    /// <summary>Malformed, or the signature does not verify: the platform never issued it. Decided before any lookup.</summary>
    NotIssued,
    /// <summary>Signed by us but bound to nothing (should not happen; recorded all the same).</summary>
    Unknown,
    /// <summary>The component was retired; its code no longer counts.</summary>
    Revoked,
}

/// <summary>What a scanned code (full label URL or bare code) refers to. Failed scans are recorded for the regulator.</summary>
public sealed record ResolveScannedCode(string Scanned) : ICommand<ScanResult>;

public sealed record ScanResult(ScanOutcome Outcome, QrBinding? Binding, Rig? Rig, string? OwnerName);

public sealed class ResolveScannedCodeHandler(IDocumentSession session, QrCodes codes, RequestContext context, TimeProvider clock)
    : ICommandHandler<ResolveScannedCode, ScanResult>
{
    public async ValueTask<ScanResult> Handle(ResolveScannedCode command, CancellationToken cancellationToken)
    {
        if (!codes.TryVerify(command.Scanned, out var itemCode))
        {
            Record(command.Scanned, ScanOutcome.NotIssued, null, null);
            return new ScanResult(ScanOutcome.NotIssued, null, null, null);
        }

        var binding = await session.LoadAsync<QrBinding>(itemCode, cancellationToken);
        if (binding is null || binding.Revoked)
        {
            var outcome = binding is null ? ScanOutcome.Unknown : ScanOutcome.Revoked;
            Record(command.Scanned, outcome, itemCode, binding?.RigId);
            return new ScanResult(outcome, binding, null, null);
        }

        var rig = await session.LoadAsync<Rig>(binding.RigId, cancellationToken);
        var owner = rig is null ? null : await session.LoadAsync<OwnerDirectoryEntry>(rig.OwnerId, cancellationToken);
        return new ScanResult(ScanOutcome.Valid, binding, rig, owner?.Name);
    }

    private void Record(string scanned, ScanOutcome outcome, string? itemCode, Guid? rigId)
    {
        var actor = context.ActorOrNull;
        session.Store(new ScanAttempt(Guid.CreateVersion7(), scanned.Length > 200 ? scanned[..200] : scanned,
            outcome.ToString().ToLowerInvariant(), actor?.AccountId, actor?.EnterpriseId, context.Client.Address, context.Client.UserAgent,
            itemCode, rigId, clock.GetUtcNow()));
    }
}
