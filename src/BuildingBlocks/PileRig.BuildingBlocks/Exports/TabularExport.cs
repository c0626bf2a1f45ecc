using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using MiniExcelLibs;
using PileRig.BuildingBlocks.Localization;
using PileRig.SharedKernel.Values;

namespace PileRig.BuildingBlocks.Exports;

/// <summary>How a list answers: as JSON for the screen, or as the same columns in a file.</summary>
public enum ListFormat
{
    Json,
    Csv,
    Xlsx,
}

/// <summary>One column of a list, named in both languages, so the screen, the CSV and the workbook show the same thing.</summary>
public sealed record Column<T>(string Key, string Zh, string En, Func<T, object?> Value);

/// <summary>
/// Writes a list's rows with its columns: CSV in UTF-8 with a byte-order mark (Excel on Chinese Windows otherwise reads
/// it as GBK and shows mojibake) and .xlsx through MiniExcel.
/// </summary>
public static class TabularExport
{
    public static IResult File<T>(IEnumerable<T> rows, IReadOnlyList<Column<T>> columns, ListFormat format, string name, DateTimeOffset now)
    {
        var stamp = ChinaTime.Of(now).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        return format switch
        {
            ListFormat.Csv => Results.File(Csv(rows, columns), "text/csv; charset=utf-8", $"{name}-{stamp}.csv"),
            ListFormat.Xlsx => Results.File(Xlsx(rows, columns), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{name}-{stamp}.xlsx"),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "JSON is answered by the list itself."),
        };
    }

    public static byte[] Csv<T>(IEnumerable<T> rows, IReadOnlyList<Column<T>> columns)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', columns.Select(c => Quote(Header(c)))).Append("\r\n");
        foreach (var row in rows)
        {
            text.AppendJoin(',', columns.Select(c => Quote(Format(c.Value(row))))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Xlsx<T>(IEnumerable<T> rows, IReadOnlyList<Column<T>> columns)
    {
        var sheet = rows.Select(row =>
        {
            var line = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var column in columns)
            {
                line[Header(column)] = column.Value(row) switch
                {
                    decimal or int or long or double => column.Value(row),
                    var other => Format(other),
                };
            }

            return line;
        }).ToList();
        if (sheet.Count == 0)
        {
            // MiniExcel takes the header from the first row; an empty list still gets its header line.
            sheet.Add(columns.ToDictionary(Header, _ => (object?)null, StringComparer.Ordinal));
        }

        using var stream = new MemoryStream();
        stream.SaveAs(sheet, sheetName: Language.IsEnglish ? "List" : "列表", excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static string Header<T>(Column<T> column) => Language.IsEnglish ? column.En : column.Zh;

    /// <summary>Dates in China time and ISO order, decimals invariant, enums in their API spelling.</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        DateTimeOffset at => ChinaTime.Of(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        bool b => b ? (Language.IsEnglish ? "yes" : "是") : (Language.IsEnglish ? "no" : "否"),
        Enum e => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(e.ToString()),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    // RFC 4180, and a leading = + - @ is defused so a cell cannot become a spreadsheet formula (CSV injection).
    private static string Quote(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
