using System.Globalization;
using System.Text.RegularExpressions;

namespace PileRig.Modules.Projects.Domain;

/// <summary>The identifier formats a project carries (domain guide §5). Pure functions.</summary>
public static partial class ProjectIdentifiers
{
    /// <summary>
    /// 施工许可证号: 18 digits — 6 area code, 8 date yyyymmdd that must be a real date, 2 sequence, 2 category — with an
    /// optional sub-permit suffix such as <c>-01</c> or <c>J</c>.
    /// </summary>
    public static bool IsConstructionPermitNumber(string? value)
    {
        var match = value is null ? Match.Empty : PermitPattern().Match(value);
        return match.Success && DateOnly.TryParseExact(match.Groups["date"].Value, "yyyyMMdd", CultureInfo.InvariantCulture,
            DateTimeStyles.None, out _);
    }

    /// <summary>发改统一项目编号 (投资项目统一代码, GB/T 40058-2021): dddd-dddddd-dd-dd-dddddd.</summary>
    public static bool IsInvestmentProjectCode(string? value) => value is not null && InvestmentCodePattern().IsMatch(value);

    /// <summary>
    /// 桩基施工单位 typed as one string: split on ASCII and full-width commas and the enumeration comma, trimmed,
    /// empty parts and duplicates dropped, order kept.
    /// </summary>
    public static IReadOnlyList<string> SplitContractors(string? typed) =>
        (typed ?? "").Split([',', '，', '、'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"^\d{6}(?<date>\d{8})\d{2}\d{2}(-\d{1,3}|[A-Z])?$", RegexOptions.CultureInvariant)]
    private static partial Regex PermitPattern();

    [GeneratedRegex(@"^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex InvestmentCodePattern();
}
