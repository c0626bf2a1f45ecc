using Marten;
using Mediator;
using Microsoft.Extensions.Caching.Memory;
using PileRig.Modules.EquipmentRegistry.Domain;
using PileRig.Modules.EquipmentRegistry.Infrastructure;
using PileRig.Modules.Projects.Contracts;

namespace PileRig.Modules.EquipmentRegistry.Features.PublicScan;

/// <summary>
/// What a scanned code (full label URL or bare code) refers to. A read: the binding and the rig are two key lookups;
/// the names around them (owner, type, project) change rarely and are kept a minute. Failed scans are recorded for the
/// regulator in the background (<see cref="ScanAttemptRecorder"/>), never on the scanning phone's time.
/// </summary>
public sealed record ResolveScannedCode(string Scanned) : IQuery<ScanResult>;

public sealed record ScanResult(ScanOutcome Outcome, QrBinding? Binding, Rig? Rig, string? OwnerName, string? ProjectName = null, string? TypeName = null);

public sealed class ResolveScannedCodeHandler(IQuerySession session, ScannedCodes scannedCodes, IProjectDirectory projects, IMemoryCache names)
    : IQueryHandler<ResolveScannedCode, ScanResult>
{
    private static readonly TimeSpan NamesLiveFor = TimeSpan.FromMinutes(1);

    public async ValueTask<ScanResult> Handle(ResolveScannedCode query, CancellationToken cancellationToken)
    {
        var (outcome, binding) = await scannedCodes.ResolveAsync(query.Scanned, cancellationToken);
        if (outcome != ScanOutcome.Valid)
        {
            await scannedCodes.RecordFailureAsync(query.Scanned, outcome, binding, cancellationToken);
            return new ScanResult(outcome, binding, null, null);
        }

        var rig = (await session.LoadAsync<Rig>(binding!.RigId, cancellationToken))!;
        var owner = await names.GetOrCreateAsync(("owner", rig.OwnerId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = NamesLiveFor;
            return (await session.LoadAsync<OwnerDirectoryEntry>(rig.OwnerId, cancellationToken))?.Name;
        });
        var type = await names.GetOrCreateAsync(("rig-type", rig.Description.TypeCode), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = NamesLiveFor;
            return await session.LoadAsync<RigType>(rig.Description.TypeCode, cancellationToken);
        });
        var project = rig.Usage is not { } usage ? null : await names.GetOrCreateAsync(("project", usage.ProjectId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = NamesLiveFor;
            return (await projects.FindAsync(usage.ProjectId, cancellationToken))?.Name;
        });
        return new ScanResult(outcome, binding, rig, owner, project,
            type is null ? rig.Description.TypeCode : BuildingBlocks.Localization.Language.IsEnglish ? type.NameEn : type.NameZh);
    }
}
