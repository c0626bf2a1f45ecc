using Marten;
using Mediator;
using PileRig.Modules.EquipmentRegistry.Domain;
using PileRig.Modules.EquipmentRegistry.Infrastructure;
using PileRig.Modules.Projects.Contracts;

namespace PileRig.Modules.EquipmentRegistry.Features.PublicScan;

/// <summary>What a scanned code (full label URL or bare code) refers to. Failed scans are recorded for the regulator.</summary>
public sealed record ResolveScannedCode(string Scanned) : ICommand<ScanResult>;

public sealed record ScanResult(ScanOutcome Outcome, QrBinding? Binding, Rig? Rig, string? OwnerName, string? ProjectName = null, string? TypeName = null);

public sealed class ResolveScannedCodeHandler(IDocumentSession session, ScannedCodes scannedCodes, IProjectDirectory projects)
    : ICommandHandler<ResolveScannedCode, ScanResult>
{
    public async ValueTask<ScanResult> Handle(ResolveScannedCode command, CancellationToken cancellationToken)
    {
        var (outcome, binding) = await scannedCodes.ResolveAsync(command.Scanned, cancellationToken);
        if (outcome != ScanOutcome.Valid)
        {
            scannedCodes.RecordFailure(command.Scanned, outcome, binding);
            return new ScanResult(outcome, binding, null, null);
        }

        var rig = (await session.LoadAsync<Rig>(binding!.RigId, cancellationToken))!;
        var owner = await session.LoadAsync<OwnerDirectoryEntry>(rig.OwnerId, cancellationToken);
        var type = await session.LoadAsync<RigType>(rig.Description.TypeCode, cancellationToken);
        var project = rig.Usage is null ? null : await projects.FindAsync(rig.Usage.ProjectId, cancellationToken);
        return new ScanResult(outcome, binding, rig, owner?.Name, project?.Name,
            type is null ? rig.Description.TypeCode : BuildingBlocks.Localization.Language.IsEnglish ? type.NameEn : type.NameZh);
    }
}
