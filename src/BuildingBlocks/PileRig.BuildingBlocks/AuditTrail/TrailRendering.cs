using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PileRig.BuildingBlocks.Localization;

namespace PileRig.BuildingBlocks.AuditTrail;

/// <summary>The trail as a file: JSON for machines and the verifier, HTML for people (prints to PDF from any browser).</summary>
public static class TrailRendering
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ToJson(TrailDocument trail) => JsonSerializer.Serialize(trail, JsonOptions);

    public static TrailDocument FromJson(string json) =>
        JsonSerializer.Deserialize<TrailDocument>(json, JsonOptions) ?? throw new JsonException("Empty trail document.");

    public static string ToHtml(TrailDocument trail, TrailVerification verification)
    {
        var en = Language.IsEnglish;
        string T(string zh, string english) => WebUtility.HtmlEncode(en ? english : zh);
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"").Append(en ? "en" : "zh-CN").Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>")
            .Append(T("审计轨迹", "Audit trail")).Append(" · ").Append(WebUtility.HtmlEncode(trail.Subject)).Append("</title><style>")
            .Append("body{font-family:system-ui,'Noto Sans CJK SC',sans-serif;margin:16px;color:#222}table{border-collapse:collapse;width:100%;font-size:13px}")
            .Append("th,td{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left}code{font-size:11px;word-break:break-all}")
            .Append(".ok{color:#1a7f37}.bad{color:#c62828;font-weight:bold}pre{white-space:pre-wrap;margin:0;font-size:11px}")
            .Append("@media print{body{margin:0}}</style></head><body>");
        html.Append("<h1>").Append(T("审计轨迹", "Audit trail")).Append(": ").Append(WebUtility.HtmlEncode(trail.Subject)).Append("</h1>");
        html.Append("<p>").Append(T("导出时间", "Exported at")).Append(": ").Append(EventChain.TimestampText(trail.ExportedAt))
            .Append(" · ").Append(T("事件数", "Events")).Append(": ").Append(trail.Events.Count)
            .Append(" · ").Append(T("签名密钥", "Signing key")).Append(": <code>").Append(trail.Seal.KeyId).Append("</code></p>");
        html.Append(verification.Valid
            ? $"<p class=\"ok\">{T("校验通过：每个事件的哈希、链接与签名均一致。", "Verified: every event's hash, link and signature match.")}</p>"
            : $"<p class=\"bad\">{T("校验失败", "Verification FAILED")}: {WebUtility.HtmlEncode(verification.FirstBreak?.ToString() ?? string.Join(" ", verification.Findings))}</p>");
        html.Append("<table><thead><tr><th>#</th><th>").Append(T("时间 (UTC)", "Time (UTC)")).Append("</th><th>").Append(T("事件", "Event"))
            .Append("</th><th>").Append(T("操作人与客户端", "Who and client")).Append("</th><th>").Append(T("内容", "Content"))
            .Append("</th><th>").Append(T("哈希", "Hash")).Append("</th></tr></thead><tbody>");
        foreach (var e in trail.Events)
        {
            var broken = verification.FirstBreak?.Version == e.Version;
            html.Append(broken ? "<tr class=\"bad\">" : "<tr>")
                .Append("<td>").Append(e.Version).Append("</td><td>").Append(e.Timestamp).Append("</td><td>").Append(WebUtility.HtmlEncode(e.Type))
                .Append("</td><td><pre>").Append(WebUtility.HtmlEncode(e.Headers is { } h ? JsonSerializer.Serialize(h, JsonOptions) : ""))
                .Append("</pre></td><td><pre>").Append(WebUtility.HtmlEncode(JsonSerializer.Serialize(e.Data, JsonOptions)))
                .Append("</pre></td><td><code>").Append(e.Hash).Append("</code></td></tr>");
        }

        html.Append("</tbody></table>");
        html.Append("<h2>").Append(T("每日摘要", "Daily digests")).Append("</h2><ul>");
        foreach (var digest in trail.Digests)
        {
            html.Append("<li>").Append(digest.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
                .Append(": <code>").Append(digest.Root).Append("</code></li>");
        }

        html.Append("</ul><p>").Append(T("离线校验：", "Verify offline: ")).Append("<code>dotnet PileRig.Host.dll verify-trail trail.json --public-key audit-public-key.pem</code></p>");
        html.Append("</body></html>");
        return html.ToString();
    }
}
