using PileRig.Modules.EquipmentRegistry.Domain;
using PileRig.SharedKernel.Rules;

namespace PileRig.Modules.EquipmentRegistry.Infrastructure;

/// <summary>
/// One code bound to one item, once: the id is the item code, so a second binding of the same code cannot be inserted.
/// A retired component's code is revoked, never reused.
/// </summary>
public sealed record QrBinding(string Id, Guid RigId, Guid? ComponentId, ComponentKind? ComponentKind, bool Revoked, DateTimeOffset BoundAt,
    DateTimeOffset? RevokedAt);

/// <summary>Reserves a rig identity (maker + 出厂编号, or 产品合格证 number) for one rig.</summary>
public sealed record RigIdentityClaim(string Id, Guid RigId, Guid OwnerId) : IUniqueClaim
{
    public object ClaimedValue => Id;

    public RuleViolation LostRace() => RuleViolation.Of(EquipmentRules.DuplicateIdentity, ("matchedOn", Id.StartsWith("serial:", StringComparison.Ordinal)
        ? "factory_serial" : "certificate_number"));
}

/// <summary>A refused second claim on a rig identity, kept for the regulator with both sides.</summary>
public sealed record SuspectedClone(Guid Id, Guid ExistingRigId, Guid ExistingOwnerId, Guid ClaimantOwnerId, Guid ClaimantAccountId,
    string Maker, string FactorySerial, string CertificateNumber, IReadOnlyList<string> MatchedOn, DateTimeOffset At);

/// <summary>A scan of a code that failed: forged or malformed (before any lookup), unknown, or revoked.</summary>
public sealed record ScanAttempt(Guid Id, string Scanned, string Outcome, Guid? AccountId, Guid? EnterpriseId, string? Address,
    string? UserAgent, string? ItemCode, Guid? RigId, DateTimeOffset At);

/// <summary>Owner names as Enterprises publishes them (for labels and the public page).</summary>
public sealed record OwnerDirectoryEntry(Guid Id, string Name);

public static class IdentityKeys
{
    public static string Serial(string maker, string serial) => "serial:" + Normalize(maker) + "|" + Normalize(serial);

    public static string Certificate(string number) => "certificate:" + Normalize(number);

    private static string Normalize(string value) => string.Concat(value.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
}
