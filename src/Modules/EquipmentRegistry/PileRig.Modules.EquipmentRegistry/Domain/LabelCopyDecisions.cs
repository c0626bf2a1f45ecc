namespace PileRig.Modules.EquipmentRegistry.Domain;

/// <summary>Where and when a valid code was scanned on a project (the base unit at a verification's start, or a component).</summary>
public sealed record CodeSighting(Guid Id, string ItemCode, Guid RigId, Guid? ComponentId, Guid ProjectId, string JurisdictionCode, Guid AccountId,
    DateTimeOffset At);

/// <summary>Why a label looks copied.</summary>
public enum LabelCopyReason
{
    /// <summary>The same code on two projects sooner than a rig could be taken down, moved and put up again.</summary>
    TwoProjectsTooSoon,

    /// <summary>The code scanned on a project while its rig is registered as in use on another one.</summary>
    RigInUseElsewhere,
}

/// <summary>A suspected copied label (套牌), for the regulators of both jurisdictions and the admin.</summary>
public sealed record SuspectedLabelCopy(Guid Id, string ItemCode, Guid RigId, Guid? ComponentId, LabelCopyReason Reason, CodeSighting Sighting,
    Guid OtherProjectId, string OtherJurisdictionCode, DateTimeOffset? OtherAt, IReadOnlyList<string> Jurisdictions, DateTimeOffset At);

/// <summary>
/// 标签复制 detection (issue 16 ★): a pile rig is taken down, trucked and put up again over days, so one code seen on two
/// sites within hours — or on one site while its rig is in use on another — means one of the labels is a copy.
/// </summary>
public static class LabelCopyDecisions
{
    public static IReadOnlyList<SuspectedLabelCopy> Judge(CodeSighting sighting, IEnumerable<CodeSighting> earlier, Guid? rigInUseOnProject,
        string? rigInUseJurisdiction, LabelCopySettings settings)
    {
        var findings = new List<SuspectedLabelCopy>();
        foreach (var seen in earlier.Where(e => e.ProjectId != sighting.ProjectId).OrderByDescending(e => e.At))
        {
            var hours = seen.JurisdictionCode == sighting.JurisdictionCode ? settings.SameJurisdictionHours : settings.OtherJurisdictionHours;
            if (sighting.At - seen.At < TimeSpan.FromHours(hours) && findings.All(f => f.OtherProjectId != seen.ProjectId))
            {
                findings.Add(Finding(sighting, LabelCopyReason.TwoProjectsTooSoon, seen.ProjectId, seen.JurisdictionCode, seen.At));
            }
        }

        if (rigInUseOnProject is { } elsewhere && elsewhere != sighting.ProjectId && findings.All(f => f.OtherProjectId != elsewhere))
        {
            findings.Add(Finding(sighting, LabelCopyReason.RigInUseElsewhere, elsewhere, rigInUseJurisdiction ?? "", null));
        }

        return findings;
    }

    private static SuspectedLabelCopy Finding(CodeSighting sighting, LabelCopyReason reason, Guid otherProject, string otherJurisdiction,
        DateTimeOffset? otherAt) =>
        new(Guid.CreateVersion7(), sighting.ItemCode, sighting.RigId, sighting.ComponentId, reason, sighting, otherProject, otherJurisdiction, otherAt,
            new[] { sighting.JurisdictionCode, otherJurisdiction }.Where(j => j.Length > 0).Distinct(StringComparer.Ordinal).ToList(), sighting.At);
}

/// <summary>How soon is too soon (PileRig:Supervision:LabelCopy).</summary>
public sealed class LabelCopySettings
{
    /// <summary>Two projects in different jurisdictions: no rig is moved between them sooner.</summary>
    public int OtherJurisdictionHours { get; set; } = 6;

    /// <summary>Two projects in one jurisdiction.</summary>
    public int SameJurisdictionHours { get; set; } = 2;
}
