using System.Globalization;
using System.Net;
using System.Text;
using PileRig.Modules.EquipmentRegistry.Domain;
using QRCoder;

namespace PileRig.Modules.EquipmentRegistry.Infrastructure;

/// <summary>One label: the QR symbol plus what a person on site reads next to it.</summary>
public sealed record LabelItem(string ItemCode, string Url, string KindZh, string KindEn, string Serial, string RigShortId);

/// <summary>
/// Renders labels with QRCoder at error correction Q (survives ~25 % damage: mud, scratches). PNG is the bare symbol with
/// its quiet zone; SVG and the print page carry the text too.
/// </summary>
public static class Labels
{
    public static QRCodeData Encode(string url) => QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.Q);

    public static byte[] Png(string url, int pixelsPerModule = 12) => new PngByteQRCode(Encode(url)).GetGraphic(pixelsPerModule);

    /// <summary>The QR modules as one SVG path in module units (viewBox = symbol incl. quiet zone), for embedding.</summary>
    public static (string Path, int Size) SymbolPath(string url)
    {
        var data = Encode(url);
        var size = data.ModuleMatrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (data.ModuleMatrix[y][x])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x},{y}h1v1h-1z");
                }
            }
        }

        return (path.ToString(), size);
    }

    /// <summary>A 63.5 × 38.1 mm label (A4 3×7 sticker sheets): symbol on the left, kind, serial and rig id on the right.</summary>
    public static string Svg(LabelItem item)
    {
        var (path, size) = SymbolPath(item.Url);
        var e = (string s) => WebUtility.HtmlEncode(s);
        return $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="63.5mm" height="38.1mm" viewBox="0 0 635 381">
              <rect width="635" height="381" fill="#fff"/>
              <svg x="8" y="8" width="365" height="365" viewBox="0 0 {size} {size}" shape-rendering="crispEdges"><path d="{path}" fill="#000"/></svg>
              <text x="385" y="80" font-family="Noto Sans CJK SC, Source Han Sans SC, sans-serif" font-size="44" font-weight="700">{e(item.KindZh)}</text>
              <text x="385" y="125" font-family="sans-serif" font-size="26">{e(item.KindEn)}</text>
              <text x="385" y="200" font-family="sans-serif" font-size="30">{e(item.Serial)}</text>
              <text x="385" y="265" font-family="monospace" font-size="28">{e(item.RigShortId)}</text>
              <text x="385" y="340" font-family="sans-serif" font-size="20" fill="#555">PileRig 甬桩工机械</text>
            </svg>
            """;
    }

    public static (string Zh, string En) KindNames(ComponentKind? kind) => kind switch
    {
        null => ("主机", "Base unit"),
        ComponentKind.MastSection => ("立柱节", "Mast section"),
        ComponentKind.Brace => ("支撑杆", "Brace"),
        ComponentKind.PowerHead => ("动力头", "Power head"),
        _ => ("其他构件", "Component"),
    };

    /// <summary>A print-ready A4 page of the rig's whole set: 3 × 7 labels of 63.5 × 38.1 mm, as sticker sheets lay them out.</summary>
    public static string PrintPage(string title, IReadOnlyList<LabelItem> items)
    {
        var labels = new StringBuilder();
        foreach (var item in items)
        {
            labels.Append("<div class=\"label\">").Append(Svg(item)).Append("</div>");
        }

        return $$"""
            <!doctype html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>{{WebUtility.HtmlEncode(title)}}</title>
            <style>
              @page { size: A4; margin: 0; }
              body { margin: 0; }
              .sheet { width: 210mm; padding: 15.15mm 7.2mm 0; box-sizing: border-box; display: grid;
                       grid-template-columns: repeat(3, 63.5mm); grid-auto-rows: 38.1mm; column-gap: 2.5mm; }
              .label { width: 63.5mm; height: 38.1mm; overflow: hidden; break-inside: avoid; }
              .label svg { width: 63.5mm; height: 38.1mm; display: block; }
              .sheet > .label:nth-child(21n) { break-after: page; }
              @media screen { body { background: #eee; } .sheet { background: #fff; margin: 8px auto; } }
            </style></head>
            <body><div class="sheet">{{labels}}</div></body></html>
            """;
    }
}
