using Marten;
using Mediator;
using PileRig.Modules.EquipmentRegistry.Domain;
using PileRig.Modules.EquipmentRegistry.Infrastructure;

namespace PileRig.Modules.EquipmentRegistry.Features.PublicScan;

/// <summary>What a scanned code (full label URL or bare code) refers to. Failed scans are recorded for the regulator.</summary>
public sealed record ResolveScannedCode(string Scanned) : ICommand<ScanResult>;

public sealed record ScanResult(ScanOutcome Outcome, QrBinding? Binding, Rig? Rig, string? OwnerName);

public sealed class ResolveScannedCodeHandler(IDocumentSession session, ScannedCodes scannedCodes) : ICommandHandler<ResolveScannedCode, ScanResult>
{
    public async ValueTask<ScanResult> Handle(ResolveScannedCode command, CancellationToken cancellationToken)
    {
        var (outcome, binding) = await scannedCodes.ResolveAsync(command.Scanned, cancellationToken);
        if (outcome != ScanOutcome.Valid)
        {
            scannedCodes.RecordFailure(command.Scanned, outcome, binding);
            return new ScanResult(outcome, binding, null, null);
        }

        var rig = await session.LoadAsync<Rig>(binding!.RigId, cancellationToken);
        var owner = rig is null ? null : await session.LoadAsync<OwnerDirectoryEntry>(rig.OwnerId, cancellationToken);
        return new ScanResult(outcome, binding, rig, owner?.Name);
    }
}
