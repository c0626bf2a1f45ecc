using System.Globalization;
using PileRig.SharedKernel.Identity;
using PileRig.SharedKernel.Rules;
using PileRig.SharedKernel.Values;

namespace PileRig.Modules.EquipmentRegistry.Domain;

/// <summary>The entry, flag, clear and exit rules (domain guide §4). Pure: no database, no clock of their own.</summary>
public static class SupervisionDecisions
{
    /// <summary>The entry form as the engineer filled it in.</summary>
    public sealed record EntryInput(decimal InstalledHeightMetres, int PowerHeadCount, StoredFileRef EntryInspectionForm);

    /// <summary>Warnings the verification screen shows (they become refusals at entry).</summary>
    public static IReadOnlyList<string> Warnings(Rig rig, SupervisionSettings settings, DateOnly today)
    {
        var warnings = new List<string>();
        if (rig.CertificateExpired(today))
        {
            warnings.Add("certificate_expired");
        }

        if (rig.PastServiceLife(settings, today))
        {
            warnings.Add("past_service_life");
        }

        if (rig.ContestedClaims > 0)
        {
            warnings.Add("duplicate_identity_suspicion");
        }

        return warnings;
    }

    public static Decision RegisterUsage(Rig rig, Verification verification, Guid firmId, string jurisdictionCode, EntryInput entry, string? currentProjectName,
        SupervisionSettings settings, Actor actor, DateTimeOffset now)
    {
        var today = ChinaTime.DayOf(now);
        if (now - verification.StartedAt > TimeSpan.FromHours(settings.VerificationWindowHours))
        {
            return Decision.Refuse(SupervisionRules.VerificationExpired, ("hours", settings.VerificationWindowHours));
        }

        if (rig.OpenFlags.Count > 0)
        {
            return Decision.Refuse(SupervisionRules.RigSuspended, ("reason", rig.OpenFlags[0].Reason), ("flagId", rig.OpenFlags[0].FlagId));
        }

        if (rig.Usage is { } usage)
        {
            return Decision.Refuse(SupervisionRules.RigInUseElsewhere, ("project", currentProjectName ?? usage.ProjectId.ToString()),
                ("projectId", usage.ProjectId), ("since", usage.Since.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));
        }

        if (rig.CertificateExpired(today))
        {
            return Decision.Refuse(SupervisionRules.CertificateExpired,
                ("validUntil", rig.Description.CertificateValidUntil!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (rig.PastServiceLife(settings, today))
        {
            return Decision.Refuse(SupervisionRules.PastServiceLife, ("years", settings.ServiceLifeFor(rig.Description.TypeCode)),
                ("manufactured", rig.Description.ManufactureDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        var missing = rig.Components.Where(c => c.Structural && !verification.ScannedComponentIds.Contains(c.Id)).ToList();
        if (missing.Count > 0)
        {
            return Decision.Refuse(SupervisionRules.StructuralComponentsMissing,
                ("missing", string.Join(", ", missing.Select(c => c.Serial))), ("missingComponentIds", missing.Select(c => c.Id).ToList()));
        }

        if (entry.InstalledHeightMetres > rig.Description.RatedMaxHeightMetres)
        {
            return Decision.Refuse(SupervisionRules.HeightOverRated, ("height", entry.InstalledHeightMetres), ("limit", rig.Description.RatedMaxHeightMetres));
        }

        if (settings.HeightCaps.TryGetValue(rig.Description.TypeCode, out var cap) && entry.InstalledHeightMetres > cap)
        {
            return Decision.Refuse(SupervisionRules.HeightOverCityCap, ("height", entry.InstalledHeightMetres), ("limit", cap));
        }

        if (rig.Description.TopMountedPowerHead ? entry.PowerHeadCount is < 1 or > 2 : entry.PowerHeadCount != 1)
        {
            return Decision.Refuse(rig.Description.TopMountedPowerHead ? SupervisionRules.PowerHeadsTopMounted : SupervisionRules.PowerHeadsSingle,
                ("count", entry.PowerHeadCount));
        }

        return Decision.Accept(new UsageRegistered(rig.Id, Guid.CreateVersion7(), verification.ProjectId, jurisdictionCode, firmId, verification.Id,
            entry.InstalledHeightMetres, entry.PowerHeadCount, entry.EntryInspectionForm, verification.ScannedComponentIds, actor.AccountId, now));
    }

    /// <summary>Flagging suspends the rig at once, and its use if the use is on this project or anywhere.</summary>
    public static Decision Flag(Rig rig, FlagCategory category, string reason, IReadOnlyList<StoredFileRef> photos, Guid? projectId,
        string? jurisdictionCode, Actor actor, DateTimeOffset now) =>
        Decision.Accept(new RigFlagged(rig.Id, Guid.CreateVersion7(), category, reason, photos, projectId, jurisdictionCode, rig.Usage?.UsageId,
            actor.AccountId, actor.EnterpriseId, now));

    public static Decision ClearFlag(Rig rig, Guid flagId, string reason, Actor actor, DateTimeOffset now)
    {
        if (rig.OpenFlags.All(f => f.FlagId != flagId))
        {
            return Decision.Refuse(SupervisionRules.FlagNotFound);
        }

        var lastFlag = rig.OpenFlags.Count == 1;
        return Decision.Accept(new FlagCleared(rig.Id, flagId, reason, lastFlag ? rig.Usage?.UsageId : null, actor.AccountId, now));
    }

    public static Decision Exit(Rig rig, Guid usageId, string? note, IReadOnlyList<StoredFileRef> photos, Actor actor, DateTimeOffset now) =>
        rig.Usage?.UsageId != usageId
            ? Decision.Refuse(SupervisionRules.UsageClosed)
            : Decision.Accept(new UsageExited(rig.Id, usageId, rig.Usage.ProjectId, note, photos, actor.AccountId, now));
}
