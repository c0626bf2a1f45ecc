using System.Security.Cryptography;
using System.Text;

namespace PileRig.Modules.Projects.Domain;

public enum JurisdictionKind
{
    /// <summary>县级行政区, with its national division code.</summary>
    County,
    /// <summary>功能区 acting as a construction authority; the id is ours.</summary>
    FunctionalZone,
}

public sealed record JurisdictionAdded(Guid JurisdictionId, string Code, string NameZh, string NameEn, JurisdictionKind Kind,
    DateOnly ValidFrom, Guid? ByAccountId, DateTimeOffset At);

public sealed record JurisdictionRetired(Guid JurisdictionId, string Code, DateOnly ValidTo, string? Reason, Guid ByAccountId, DateTimeOffset At);

/// <summary>
/// 工程属地: data, not code. A retired jurisdiction is no longer offered for new projects but keeps its history and its
/// projects. The stream id is derived from the code, so seeding is idempotent and every node agrees on it.
/// </summary>
public sealed partial record Jurisdiction(Guid Id, string Code, string NameZh, string NameEn, JurisdictionKind Kind,
    DateOnly ValidFrom, DateOnly? ValidTo)
{
    public long Version { get; init; }

    public bool IsCurrent(DateOnly today) => ValidFrom <= today && (ValidTo is null || ValidTo > today);

    public static Jurisdiction Create(JurisdictionAdded e) => new(e.JurisdictionId, e.Code, e.NameZh, e.NameEn, e.Kind, e.ValidFrom, null);

    public Jurisdiction Apply(JurisdictionRetired e) => this with { ValidTo = e.ValidTo };

    public static Guid IdFor(string code) => new(SHA256.HashData(Encoding.UTF8.GetBytes("pilerig:jurisdiction:" + code)).AsSpan(0, 16));
}

/// <summary>The list the platform starts with: Ningbo's ten county-level divisions and its functional zones (domain guide §6).</summary>
public static class NingboJurisdictions
{
    public static readonly DateOnly Since = new(2021, 1, 1);

    public static readonly IReadOnlyList<(string Code, string Zh, string En, JurisdictionKind Kind)> Seed =
    [
        ("330203", "海曙区", "Haishu District", JurisdictionKind.County),
        ("330205", "江北区", "Jiangbei District", JurisdictionKind.County),
        ("330206", "北仑区", "Beilun District", JurisdictionKind.County),
        ("330211", "镇海区", "Zhenhai District", JurisdictionKind.County),
        ("330212", "鄞州区", "Yinzhou District", JurisdictionKind.County),
        ("330213", "奉化区", "Fenghua District", JurisdictionKind.County),
        ("330225", "象山县", "Xiangshan County", JurisdictionKind.County),
        ("330226", "宁海县", "Ninghai County", JurisdictionKind.County),
        ("330281", "余姚市", "Yuyao City", JurisdictionKind.County),
        ("330282", "慈溪市", "Cixi City", JurisdictionKind.County),
        ("nb-hitech", "宁波国家高新区", "Ningbo National Hi-tech Zone", JurisdictionKind.FunctionalZone),
        ("nb-dongqianhu", "东钱湖旅游度假区", "Dongqian Lake Tourist Resort", JurisdictionKind.FunctionalZone),
        ("nb-qianwan", "杭州湾新区（前湾新区）", "Hangzhou Bay (Qianwan) New Area", JurisdictionKind.FunctionalZone),
        ("nb-etdz", "宁波经济技术开发区", "Ningbo Economic and Technological Development Zone", JurisdictionKind.FunctionalZone),
        ("nb-city", "市本级", "City-level (市本级)", JurisdictionKind.FunctionalZone),
    ];
}
