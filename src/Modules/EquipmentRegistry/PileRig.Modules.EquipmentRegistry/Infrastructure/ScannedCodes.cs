using Marten;
using PileRig.BuildingBlocks.Auditing;

namespace PileRig.Modules.EquipmentRegistry.Infrastructure;

public enum ScanOutcome
{
    Valid,
    /// <summary>Malformed, or the signature does not verify: the platform never issued it. Decided before any lookup.</summary>
    NotIssued,
    /// <summary>Signed by us but bound to nothing (should not happen; recorded all the same).</summary>
    Unknown,
    /// <summary>The component was retired; its code no longer counts.</summary>
    Revoked,
    /// <summary>A valid code of another rig's component, scanned while verifying this rig.</summary>
    ForeignComponent,
}

/// <summary>Resolving what was scanned, and recording the scans that fail, for the public page and the verification screen alike.</summary>
public sealed class ScannedCodes(IQuerySession session, QrCodes codes, ScanAttemptRecorder recorder, RequestContext context, TimeProvider clock)
{
    public async Task<(ScanOutcome Outcome, QrBinding? Binding)> ResolveAsync(string scanned, CancellationToken cancellationToken)
    {
        if (!codes.TryVerify(scanned, out var itemCode))
        {
            return (ScanOutcome.NotIssued, null);
        }

        var binding = await session.LoadAsync<QrBinding>(itemCode, cancellationToken);
        return binding switch
        {
            null => (ScanOutcome.Unknown, null),
            { Revoked: true } => (ScanOutcome.Revoked, binding),
            _ => (ScanOutcome.Valid, binding),
        };
    }

    /// <summary>Keeps a failed scan for the regulator: what, by whom (if signed in), from where, when, for which rig. Written in the background.</summary>
    public ValueTask RecordFailureAsync(string scanned, ScanOutcome outcome, QrBinding? binding, CancellationToken cancellationToken,
        Guid? rigBeingVerified = null)
    {
        var actor = context.ActorOrNull;
        return recorder.RecordAsync(new ScanAttempt(Guid.CreateVersion7(), scanned.Length > 200 ? scanned[..200] : scanned,
            outcome.ToString().ToLowerInvariant(), actor?.AccountId, actor?.EnterpriseId, context.Client.Address, context.Client.UserAgent,
            binding?.Id, rigBeingVerified ?? binding?.RigId, clock.GetUtcNow()), cancellationToken);
    }
}
