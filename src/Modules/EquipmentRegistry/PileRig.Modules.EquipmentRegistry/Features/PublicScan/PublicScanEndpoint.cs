using System.Net;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using PileRig.BuildingBlocks.Http;
using PileRig.BuildingBlocks.Localization;
using PileRig.Modules.EquipmentRegistry.Domain;
using PileRig.Modules.EquipmentRegistry.Infrastructure;
using PileRig.SharedKernel.Rules;
using LabelRenderer = PileRig.Modules.EquipmentRegistry.Infrastructure.Labels;
using PileRig.SharedKernel.Values;

namespace PileRig.Modules.EquipmentRegistry.Features.PublicScan;

/// <summary>
/// The page any phone camera opens from a label: server-rendered HTML, no script, no login. It shows the item, the rig's
/// type, owner, maker and model and whether it is free, in use or suspended; nothing private (no people, no files).
/// </summary>
public static class PublicScanEndpoint
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/q/{token}", async (string token, ISender sender, IOptions<PublicPageOptions> options, CancellationToken ct) =>
            {
                var result = await sender.Send(new ResolveScannedCode(token), ct);
                var status = result.Outcome switch
                {
                    ScanOutcome.Valid => StatusCodes.Status200OK,
                    ScanOutcome.Revoked => StatusCodes.Status410Gone,
                    _ => StatusCodes.Status404NotFound,
                };
                return Results.Content(Render(result, options.Value.RegulatorHotline), "text/html; charset=utf-8", statusCode: status);
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Public)
            .ExcludeFromDescription();

    private static string Render(ScanResult result, string? hotline)
    {
        var en = Language.IsEnglish;
        string T(string zh, string english) => WebUtility.HtmlEncode(en ? english : zh);
        var body = result.Outcome switch
        {
            ScanOutcome.NotIssued or ScanOutcome.Unknown =>
                $"<h1 class=\"bad\">{T("非平台签发的二维码", "Not a code issued by PileRig")}</h1><p>{T("此二维码不是宁波桩工机械管理服务平台签发的，可能系伪造。本次扫描已记录。", "This code was not issued by the platform and may be forged. This scan has been recorded.")}</p>",
            ScanOutcome.Revoked =>
                $"<h1 class=\"bad\">{T("此二维码已作废", "This code has been revoked")}</h1><p>{T("对应构件已退役或更换，不得继续使用。本次扫描已记录。", "The component it belonged to was retired or replaced and must not be used. This scan has been recorded.")}</p>",
            _ => Details(result, en),
        };
        return $$"""
            <!doctype html>
            <html lang="{{(en ? "en" : "zh-CN")}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
            <title>{{T("桩工机械信息", "Pile rig status")}} · PileRig</title>
            <style>body{font-family:system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;margin:0;padding:16px;max-width:560px}
            h1{font-size:1.4rem}.bad{color:#b00020}.ok{color:#0a7d32}.warn{color:#b36b00}dl{display:grid;grid-template-columns:auto 1fr;gap:6px 12px}
            dt{color:#555}dd{margin:0;font-weight:600}footer{margin-top:24px;color:#777;font-size:.85rem}</style></head>
            <body>{{body}}{{Hotline(hotline, en)}}<footer>{{T("宁波桩工机械管理服务平台", "Ningbo pile rig supervision platform")}}</footer></body></html>
            """;
    }

    private static string Hotline(string? hotline, bool en) => string.IsNullOrWhiteSpace(hotline)
        ? ""
        : $"<p>{WebUtility.HtmlEncode(en ? "To report a problem rig, call the regulator: " : "发现问题设备，请致电监管部门：")}<a href=\"tel:{WebUtility.HtmlEncode(hotline)}\">{WebUtility.HtmlEncode(hotline)}</a></p>";

    private static string Details(ScanResult result, bool en)
    {
        string T(string zh, string english) => WebUtility.HtmlEncode(en ? english : zh);
        var rig = result.Rig!;
        var (kindZh, kindEn) = LabelRenderer.KindNames(result.Binding!.ComponentKind);
        var component = rig.Components.FirstOrDefault(c => c.Id == result.Binding.ComponentId);
        // Where and since when — or the suspension's category and date, never its private reason or who raised it.
        var flag = rig.OpenFlags.Count > 0 ? rig.OpenFlags[0] : null;
        var (statusClass, statusText) = rig.Status switch
        {
            RigStatus.InUse => ("warn", T("使用中", "In use") + $" · {WebUtility.HtmlEncode(result.ProjectName ?? "")} · " + T("自", "since ") + Day(rig.Usage!.Since)),
            RigStatus.Suspended => ("bad", T("暂停使用", "Suspended") + " · " + T(FlagZh(flag!.Category), FlagEn(flag.Category)) + " · " + T("自", "since ") + Day(flag.Since)),
            _ => ("ok", T("空闲", "Free")),
        };
        var rows = new List<(string, string)>
        {
            (T("扫描对象", "Item"), T(kindZh, kindEn) + (component is null ? "" : " · " + WebUtility.HtmlEncode(component.Serial))),
            (T("设备类型", "Type"), WebUtility.HtmlEncode(result.TypeName ?? rig.Description.TypeCode)),
            (T("产权单位", "Owner"), WebUtility.HtmlEncode(result.OwnerName ?? "—")),
            (T("制造商", "Maker"), WebUtility.HtmlEncode(rig.Description.Maker)),
            (T("型号", "Model"), WebUtility.HtmlEncode(rig.Description.Model)),
            (T("出厂编号", "Factory serial"), WebUtility.HtmlEncode(rig.Description.FactorySerial)),
            (T("设备编号", "Rig id"), WebUtility.HtmlEncode(rig.BaseUnitCode)),
        };
        var list = string.Concat(rows.Select(r => $"<dt>{r.Item1}</dt><dd>{r.Item2}</dd>"));
        return $"<h1>{T("桩工机械信息", "Pile rig")}</h1><p class=\"{statusClass}\"><strong>{T("状态", "Status")}: {statusText}</strong></p><dl>{list}</dl>";
    }

    private static string Day(DateTimeOffset at) => ChinaTime.Of(at).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string FlagZh(FlagCategory category) => category switch
    {
        FlagCategory.Cloned => "套牌",
        FlagCategory.FalseInformation => "虚假信息",
        FlagCategory.Unqualified => "不合格",
        _ => "其他问题",
    };

    private static string FlagEn(FlagCategory category) => category switch
    {
        FlagCategory.Cloned => "cloned identity",
        FlagCategory.FalseInformation => "false information",
        FlagCategory.Unqualified => "unqualified",
        _ => "other problem",
    };
}

/// <summary>What the public QR page may add beyond the rig itself.</summary>
public sealed class PublicPageOptions
{
    public const string Section = "PileRig:Public";

    /// <summary>The regulator's hotline shown on the public page, if configured.</summary>
    public string? RegulatorHotline { get; set; }
}
