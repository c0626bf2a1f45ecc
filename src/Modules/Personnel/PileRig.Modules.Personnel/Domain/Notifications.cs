using System.Globalization;
using PileRig.Modules.EquipmentRegistry.Contracts;
using PileRig.SharedKernel.Values;

namespace PileRig.Modules.Personnel.Domain;

public enum OutboundStatus
{
    /// <summary>Queued for the channel (SMS / WeChat template message); retried on failure, across restarts.</summary>
    Pending,
    Sent,
    /// <summary>The account has no mobile number to send to.</summary>
    NoAddress,
}

/// <summary>
/// One message in an account's in-app inbox, in both languages, with what became of its outbound copy. The id is
/// derived from what caused it and who receives it, so a redelivered integration event cannot notify twice.
/// </summary>
public sealed record InboxNotification(
    string Id,
    Guid AccountId,
    string Kind,
    string TitleZh,
    string TitleEn,
    string BodyZh,
    string BodyEn,
    Guid? RigId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReadAt,
    OutboundStatus Outbound,
    string? OutboundChannel,
    int OutboundAttempts,
    DateTimeOffset? OutboundSentAt);

/// <summary>The words of each notification: pure, so the wording is tested and reviewed in one place.</summary>
public static class NotificationTexts
{
    public const string RigFlagged = "rig_flagged";
    public const string CertificateExpiring = "certificate_expiring";
    public const string ServiceLifeEnding = "service_life_ending";

    private static readonly Dictionary<string, (string Zh, string En)> Categories = new(StringComparer.Ordinal)
    {
        ["cloned"] = ("疑似套牌", "suspected cloned identity"),
        ["false_information"] = ("信息虚假", "false information"),
        ["unqualified"] = ("不合格", "unqualified"),
        ["other"] = ("其他问题", "other problem"),
    };

    public static (string Kind, string TitleZh, string TitleEn, string BodyZh, string BodyEn) For(RigFlaggedIntegrationEvent e)
    {
        var (zh, en) = Categories.TryGetValue(e.Category, out var c) ? c : (e.Category, e.Category);
        var where = e.ProjectName is null ? ("", "") : ($"（项目：{e.ProjectName}）", $" (project: {e.ProjectName})");
        return (RigFlagged, $"设备已被停用：{e.RigLabel}", $"Rig suspended: {e.RigLabel}",
            $"设备 {e.RigLabel} 于 {Local(e.At)} 因{zh}被标记停用{where.Item1}。请及时处理。",
            $"Rig {e.RigLabel} was flagged for {en} and suspended at {Local(e.At)}{where.Item2}. Please act on it.");
    }

    public static (string Kind, string TitleZh, string TitleEn, string BodyZh, string BodyEn) For(RigExpiryApproachingIntegrationEvent e)
    {
        var day = e.EndsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return e.Document == ExpiringDocument.Certificate
            ? (CertificateExpiring, $"合格证即将到期：{e.RigLabel}", $"Certificate expiring: {e.RigLabel}",
                $"设备 {e.RigLabel} 的合格证将于 {day} 到期，到期后不能进场登记。", $"The certificate of {e.RigLabel} expires on {day}; after that it cannot be registered on a project.")
            : (ServiceLifeEnding, $"使用年限即将届满：{e.RigLabel}", $"Service life ending: {e.RigLabel}",
                $"设备 {e.RigLabel} 的使用年限将于 {day} 届满，届满后不能进场登记。", $"The service life of {e.RigLabel} ends on {day}; after that it cannot be registered on a project.");
    }

    private static string Local(DateTimeOffset at) => ChinaTime.Of(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
