using PileRig.Modules.EquipmentRegistry.Contracts;

namespace PileRig.Modules.EquipmentRegistry.Domain;

/// <summary>Which of a rig's deadlines fall within the notice period: pure, so the rule is tested without a clock.</summary>
public static class ExpiryNotices
{
    public const int NoticeDays = 30;

    public static IReadOnlyList<(ExpiringDocument Document, DateOnly EndsOn)> Due(Rig rig, SupervisionSettings settings, DateOnly today)
    {
        var due = new List<(ExpiringDocument, DateOnly)>();
        if (rig.Description.CertificateValidUntil is { } certificate && Within(certificate, today))
        {
            due.Add((ExpiringDocument.Certificate, certificate));
        }

        var lifeEnds = rig.ServiceLifeEnds(settings);
        if (Within(lifeEnds, today))
        {
            due.Add((ExpiringDocument.ServiceLife, lifeEnds));
        }

        return due;
    }

    private static bool Within(DateOnly endsOn, DateOnly today) => endsOn >= today && endsOn <= today.AddDays(NoticeDays);
}
