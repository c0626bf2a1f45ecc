using System.Globalization;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.Errors;
using PileRig.BuildingBlocks.Exports;
using PileRig.BuildingBlocks.Http;
using PileRig.Modules.EquipmentRegistry.Domain;
using PileRig.Modules.EquipmentRegistry.Features.Supervision;
using PileRig.Modules.EquipmentRegistry.Infrastructure;
using PileRig.SharedKernel.Identity;
using PileRig.SharedKernel.Rules;
using PileRig.SharedKernel.Values;

namespace PileRig.Modules.EquipmentRegistry.Features.Oversight;

/// <summary>A figure on the dashboard, with the list that explains it.</summary>
public sealed record Figure(string Key, int Count, string List);

public sealed record WeekFigure(DateOnly WeekStarting, int Entries, int Exits);

public sealed record FlagFigure(FlagCategory Category, string Age, int Count, string List);

/// <summary>What a regulator (or the admin) sees first: the state of the rigs in its jurisdictions, each figure linked to its list.</summary>
public sealed record OversightDashboard(
    IReadOnlyList<string> Jurisdictions,
    IReadOnlyList<Figure> InUseByJurisdiction,
    IReadOnlyList<Figure> InUseByType,
    IReadOnlyList<WeekFigure> EntriesAndExitsPerWeek,
    IReadOnlyList<FlagFigure> OpenFlags,
    Figure SuspectedClones,
    Figure FailedScans,
    Figure PastServiceLife,
    Figure CertificateExpired);

public sealed record GetOversightDashboard : IQuery<OversightDashboard>;

public sealed class GetOversightDashboardHandler(IQuerySession session, RequestContext context, IOptions<SupervisionSettings> settings, TimeProvider clock)
    : IQueryHandler<GetOversightDashboard, OversightDashboard>
{
    private const int Weeks = 12;

    public async ValueTask<OversightDashboard> Handle(GetOversightDashboard query, CancellationToken cancellationToken)
    {
        var actor = context.Actor;
        var now = clock.GetUtcNow();
        var today = ChinaTime.DayOf(now);
        var firstWeek = today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - (7 * (Weeks - 1)));
        var since = ChinaTime.StartOf(firstWeek);

        var usages = OversightLists.ScopedUsages(session, actor);
        var inUse = await usages.Where(u => u.Status == UsageStatus.InUse).ToListAsync(cancellationToken);
        var recent = await usages.Where(u => u.RegisteredAt >= since || (u.ExitedAt != null && u.ExitedAt >= since)).ToListAsync(cancellationToken);
        var rigs = await OversightLists.ScopedRigs(session, actor).ToListAsync(cancellationToken);
        var rigIds = rigs.Select(r => r.Id).ToArray();
        var regulator = actor.Role == Roles.Regulator;
        var clones = await session.Query<SuspectedClone>().Where(c => !regulator || rigIds.Contains(c.ExistingRigId)).CountAsync(cancellationToken);
        var failedScans = await session.Query<ScanAttempt>()
            .Where(a => !regulator || (a.RigId.HasValue && rigIds.Contains(a.RigId.Value))).CountAsync(cancellationToken);

        int WeekOf(DateTimeOffset at) => (ChinaTime.DayOf(at).DayNumber - firstWeek.DayNumber) / 7;
        var weeks = Enumerable.Range(0, Weeks).Select(w => new WeekFigure(firstWeek.AddDays(7 * w),
            recent.Count(u => u.RegisteredAt >= since && WeekOf(u.RegisteredAt) == w),
            recent.Count(u => u.ExitedAt is { } exit && exit >= since && WeekOf(exit) == w))).ToList();

        var flags = rigs.SelectMany(r => r.OpenFlags)
            .GroupBy(f => (f.Category, Age: AgeOf(now - f.Since)))
            .OrderBy(g => g.Key.Category).ThenBy(g => g.Key.Age, StringComparer.Ordinal)
            .Select(g => new FlagFigure(g.Key.Category, g.Key.Age, g.Count(), $"/api/v1/oversight/rigs?status=suspended&flagCategory={Snake(g.Key.Category)}"))
            .ToList();

        return new OversightDashboard(
            regulator ? actor.Jurisdictions : [],
            inUse.GroupBy(u => u.JurisdictionCode).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new Figure(g.Key, g.Count(), $"/api/v1/oversight/usages?status=in_use&jurisdiction={g.Key}")).ToList(),
            inUse.GroupBy(u => u.RigTypeCode).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new Figure(g.Key, g.Count(), $"/api/v1/oversight/usages?status=in_use&type={g.Key}")).ToList(),
            weeks,
            flags,
            new Figure("suspected_clones", clones, "/api/v1/suspected-clones"),
            new Figure("failed_scans", failedScans, "/api/v1/scan-attempts"),
            new Figure("past_service_life", rigs.Count(r => OversightLists.PastServiceLife(r, settings.Value, today)), "/api/v1/oversight/rigs?lapsed=service_life"),
            new Figure("certificate_expired", rigs.Count(r => OversightLists.CertificateExpired(r, today)), "/api/v1/oversight/rigs?lapsed=certificate"));
    }

    private static string AgeOf(TimeSpan age) => age.TotalDays < 7 ? "under_7_days" : age.TotalDays <= 30 ? "7_to_30_days" : "over_30_days";

    private static string Snake(Enum value) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}

/// <summary>A usage registration as the oversight list (and its export) shows it.</summary>
public sealed record UsageRow(Guid UsageId, Guid RigId, Guid ProjectId, string ProjectName, string JurisdictionCode, string RigTypeCode, string Maker,
    string Model, string FactorySerial, UsageStatus Status, decimal InstalledHeightMetres, int PowerHeadCount, DateTimeOffset RegisteredAt,
    DateTimeOffset? ExitedAt)
{
    public static readonly IReadOnlyList<Column<UsageRow>> Columns =
    [
        new("projectName", "项目", "Project", r => r.ProjectName),
        new("jurisdictionCode", "辖区", "Jurisdiction", r => r.JurisdictionCode),
        new("rigTypeCode", "设备类型", "Rig type", r => r.RigTypeCode),
        new("maker", "生产厂家", "Maker", r => r.Maker),
        new("model", "型号", "Model", r => r.Model),
        new("factorySerial", "出厂编号", "Factory serial", r => r.FactorySerial),
        new("status", "状态", "Status", r => r.Status),
        new("installedHeightMetres", "安装高度 (m)", "Installed height (m)", r => r.InstalledHeightMetres),
        new("powerHeadCount", "动力头数量", "Power heads", r => r.PowerHeadCount),
        new("registeredAt", "进场登记时间", "Registered", r => r.RegisteredAt),
        new("exitedAt", "退场时间", "Exited", r => r.ExitedAt),
    ];

    public static UsageRow From(UsageRecord u) => new(u.Id, u.RigId, u.ProjectId, u.ProjectName, u.JurisdictionCode, u.RigTypeCode, u.RigMaker,
        u.RigModel, u.RigFactorySerial, u.Status, u.InstalledHeightMetres, u.PowerHeadCount, u.RegisteredAt, u.ExitedAt);
}

/// <summary>A rig as the oversight list (and its export) shows it.</summary>
public sealed record RigRow(Guid RigId, string TypeCode, string Maker, string Model, string FactorySerial, string OwnerName, RigStatus Status,
    int OpenFlags, DateOnly? CertificateValidUntil, DateOnly ServiceLifeEnds, IReadOnlyList<string> Jurisdictions, DateTimeOffset RegisteredAt)
{
    public static readonly IReadOnlyList<Column<RigRow>> Columns =
    [
        new("typeCode", "设备类型", "Rig type", r => r.TypeCode),
        new("maker", "生产厂家", "Maker", r => r.Maker),
        new("model", "型号", "Model", r => r.Model),
        new("factorySerial", "出厂编号", "Factory serial", r => r.FactorySerial),
        new("ownerName", "产权单位", "Owner", r => r.OwnerName),
        new("status", "状态", "Status", r => r.Status),
        new("openFlags", "未解除标记", "Open flags", r => r.OpenFlags),
        new("certificateValidUntil", "合格证有效期至", "Certificate valid until", r => r.CertificateValidUntil),
        new("serviceLifeEnds", "使用年限届满", "Service life ends", r => r.ServiceLifeEnds),
        new("jurisdictions", "辖区", "Jurisdictions", r => string.Join(' ', r.Jurisdictions)),
        new("registeredAt", "登记时间", "Registered", r => r.RegisteredAt),
    ];
}

public sealed record RowPage<T>(IReadOnlyList<T> Items, long Total, int Page, int PageSize);

public enum Lapsed
{
    Certificate,
    ServiceLife,
}

public sealed record ListOversightUsages(string? Jurisdiction, string? Type, UsageStatus? Status, DateOnly? From, DateOnly? To, string? Sort, int Page,
    int PageSize) : IQuery<RowPage<UsageRow>>;

public sealed record ListOversightRigs(string? Jurisdiction, string? Type, RigStatus? Status, FlagCategory? FlagCategory, Lapsed? Lapsed, string? Sort,
    int Page, int PageSize) : IQuery<RowPage<RigRow>>;

public sealed class ListOversightUsagesHandler(IQuerySession session, RequestContext context) : IQueryHandler<ListOversightUsages, RowPage<UsageRow>>
{
    public async ValueTask<RowPage<UsageRow>> Handle(ListOversightUsages query, CancellationToken cancellationToken)
    {
        var usages = OversightLists.ScopedUsages(session, context.Actor);
        if (query.Jurisdiction is { } jurisdiction)
        {
            usages = usages.Where(u => u.JurisdictionCode == jurisdiction);
        }

        if (query.Type is { } type)
        {
            usages = usages.Where(u => u.RigTypeCode == type);
        }

        if (query.Status is { } status)
        {
            usages = usages.Where(u => u.Status == status);
        }

        if (query.From is { } from)
        {
            var start = ChinaTime.StartOf(from);
            usages = usages.Where(u => u.RegisteredAt >= start);
        }

        if (query.To is { } to)
        {
            var end = ChinaTime.StartOf(to.AddDays(1));
            usages = usages.Where(u => u.RegisteredAt < end);
        }

        usages = OversightLists.SortKey(query.Sort, "-registeredAt") switch
        {
            ("registeredAt", false) => usages.OrderBy(u => u.RegisteredAt),
            ("registeredAt", true) => usages.OrderByDescending(u => u.RegisteredAt),
            ("projectName", false) => usages.OrderBy(u => u.ProjectName),
            ("projectName", true) => usages.OrderByDescending(u => u.ProjectName),
            ("factorySerial", false) => usages.OrderBy(u => u.RigFactorySerial),
            ("factorySerial", true) => usages.OrderByDescending(u => u.RigFactorySerial),
            ("installedHeightMetres", false) => usages.OrderBy(u => u.InstalledHeightMetres),
            ("installedHeightMetres", true) => usages.OrderByDescending(u => u.InstalledHeightMetres),
            _ => throw new InputValidationException("sort", CommonRules.InvalidValue),
        };
        var total = await usages.CountAsync(cancellationToken);
        var page = await usages.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new RowPage<UsageRow>(page.Select(UsageRow.From).ToList(), total, query.Page, query.PageSize);
    }
}

public sealed class ListOversightRigsHandler(IQuerySession session, RequestContext context, IOptions<SupervisionSettings> settings, TimeProvider clock)
    : IQueryHandler<ListOversightRigs, RowPage<RigRow>>
{
    public async ValueTask<RowPage<RigRow>> Handle(ListOversightRigs query, CancellationToken cancellationToken)
    {
        var rigs = OversightLists.ScopedRigs(session, context.Actor);
        if (query.Jurisdiction is { } jurisdiction)
        {
            rigs = rigs.Where(r => r.Jurisdictions.Contains(jurisdiction));
        }

        if (query.Type is { } type)
        {
            rigs = rigs.Where(r => r.Description.TypeCode == type);
        }

        if (query.Status is { } status)
        {
            rigs = rigs.Where(r => r.Status == status);
        }

        // Lapses and flag categories are computed: filtered here, over the (jurisdiction-bounded) set.
        var today = ChinaTime.DayOf(clock.GetUtcNow());
        var list = (await rigs.ToListAsync(cancellationToken)).AsEnumerable();
        if (query.FlagCategory is { } category)
        {
            list = list.Where(r => r.OpenFlags.Any(f => f.Category == category));
        }

        list = query.Lapsed switch
        {
            Lapsed.Certificate => list.Where(r => OversightLists.CertificateExpired(r, today)),
            Lapsed.ServiceLife => list.Where(r => OversightLists.PastServiceLife(r, settings.Value, today)),
            _ => list,
        };
        var owners = (await session.Query<OwnerDirectoryEntry>().ToListAsync(cancellationToken)).ToDictionary(o => o.Id, o => o.Name);
        var rows = list.Select(r => new RigRow(r.Id, r.Description.TypeCode, r.Description.Maker, r.Description.Model, r.Description.FactorySerial,
            owners.GetValueOrDefault(r.OwnerId, ""), r.Status, r.OpenFlags.Count, r.Description.CertificateValidUntil,
            r.Description.ManufactureDate.AddYears(settings.Value.ServiceLifeFor(r.Description.TypeCode)), r.Jurisdictions, r.RegisteredAt));
        rows = OversightLists.SortKey(query.Sort, "-registeredAt") switch
        {
            ("registeredAt", var desc) => desc ? rows.OrderByDescending(r => r.RegisteredAt) : rows.OrderBy(r => r.RegisteredAt),
            ("factorySerial", var desc) => desc ? rows.OrderByDescending(r => r.FactorySerial, StringComparer.Ordinal) : rows.OrderBy(r => r.FactorySerial, StringComparer.Ordinal),
            ("ownerName", var desc) => desc ? rows.OrderByDescending(r => r.OwnerName, StringComparer.Ordinal) : rows.OrderBy(r => r.OwnerName, StringComparer.Ordinal),
            ("certificateValidUntil", var desc) => desc ? rows.OrderByDescending(r => r.CertificateValidUntil) : rows.OrderBy(r => r.CertificateValidUntil),
            ("serviceLifeEnds", var desc) => desc ? rows.OrderByDescending(r => r.ServiceLifeEnds) : rows.OrderBy(r => r.ServiceLifeEnds),
            ("openFlags", var desc) => desc ? rows.OrderByDescending(r => r.OpenFlags) : rows.OrderBy(r => r.OpenFlags),
            _ => throw new InputValidationException("sort", CommonRules.InvalidValue),
        };
        var all = rows.ToList();
        return new RowPage<RigRow>(all.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList(), all.Count, query.Page, query.PageSize);
    }
}

/// <summary>The regulator's view is bounded by its jurisdictions; the admin's is not.</summary>
public static class OversightLists
{
    /// <summary>An export takes every row of the filtered list, up to this many.</summary>
    public const int ExportLimit = 10_000;

    public static IQueryable<UsageRecord> ScopedUsages(IQuerySession session, Actor actor)
    {
        var usages = session.Query<UsageRecord>().AsQueryable();
        if (actor.Role == Roles.Regulator)
        {
            var mine = actor.Jurisdictions.ToArray();
            usages = usages.Where(u => mine.Contains(u.JurisdictionCode));
        }

        return usages;
    }

    public static IQueryable<Rig> ScopedRigs(IQuerySession session, Actor actor)
    {
        var rigs = session.Query<Rig>().AsQueryable();
        if (actor.Role == Roles.Regulator)
        {
            var mine = actor.Jurisdictions.ToArray();
            rigs = rigs.Where(r => r.Jurisdictions.Any(j => mine.Contains(j)));
        }

        return rigs;
    }

    public static bool CertificateExpired(Rig rig, DateOnly today) => rig.Description.CertificateValidUntil is { } until && until < today;

    public static bool PastServiceLife(Rig rig, SupervisionSettings settings, DateOnly today) =>
        rig.Description.ManufactureDate.AddYears(settings.ServiceLifeFor(rig.Description.TypeCode)) < today;

    /// <summary>"-registeredAt" → (registeredAt, descending).</summary>
    public static (string Key, bool Descending) SortKey(string? sort, string fallback)
    {
        var value = string.IsNullOrWhiteSpace(sort) ? fallback : sort.Trim();
        return value.StartsWith('-') ? (value[1..], true) : (value, false);
    }

    public static (int Page, int PageSize) Paging(int? page, int? pageSize, ListFormat format)
    {
        if (format != ListFormat.Json)
        {
            return (1, ExportLimit);
        }

        var size = pageSize ?? 20;
        if (size is < 1 or > 200)
        {
            throw new InputValidationException("pageSize", CommonRules.InvalidValue);
        }

        return (QueryValues.ParsePage(page), size);
    }
}

public static class OversightDashboardEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/oversight/dashboard", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetOversightDashboard(), ct)))
            .RequireAuthorization(Policies.Oversight).WithTags("Oversight")
            .WithSummary("Rigs in use by jurisdiction and type, entries and exits per week, open flags by category and age, clones, forged codes, lapses");

        api.MapGet("/oversight/usages", async Task<IResult> (string? jurisdiction, string? type, string? status, string? from, string? to, string? sort,
                int? page, int? pageSize, string? format, ISender sender, TimeProvider clock, CancellationToken ct) =>
            {
                var as_ = QueryValues.ParseEnum<ListFormat>(format, "format") ?? ListFormat.Json;
                var (p, size) = OversightLists.Paging(page, pageSize, as_);
                var rows = await sender.Send(new ListOversightUsages(jurisdiction, type, QueryValues.ParseEnum<UsageStatus>(status, "status"),
                    QueryValues.ParseDay(from, "from"), QueryValues.ParseDay(to, "to"), sort, p, size), ct);
                return as_ == ListFormat.Json ? TypedResults.Ok(rows) : TabularExport.File(rows.Items, UsageRow.Columns, as_, "usages", clock.GetUtcNow());
            })
            .RequireAuthorization(Policies.Oversight).WithTags("Oversight").Produces<RowPage<UsageRow>>()
            .WithSummary("Usage registrations in the actor's jurisdictions: filter, sort (e.g. -registeredAt), page; format=csv|xlsx exports the same columns");

        api.MapGet("/oversight/rigs", async Task<IResult> (string? jurisdiction, string? type, string? status, string? flagCategory, string? lapsed,
                string? sort, int? page, int? pageSize, string? format, ISender sender, TimeProvider clock, CancellationToken ct) =>
            {
                var as_ = QueryValues.ParseEnum<ListFormat>(format, "format") ?? ListFormat.Json;
                var (p, size) = OversightLists.Paging(page, pageSize, as_);
                var rows = await sender.Send(new ListOversightRigs(jurisdiction, type, QueryValues.ParseEnum<RigStatus>(status, "status"),
                    QueryValues.ParseEnum<FlagCategory>(flagCategory, "flagCategory"), QueryValues.ParseEnum<Lapsed>(lapsed, "lapsed"), sort, p, size), ct);
                return as_ == ListFormat.Json ? TypedResults.Ok(rows) : TabularExport.File(rows.Items, RigRow.Columns, as_, "rigs", clock.GetUtcNow());
            })
            .RequireAuthorization(Policies.Oversight).WithTags("Oversight").Produces<RowPage<RigRow>>()
            .WithSummary("Rigs in the actor's jurisdictions: filter (status, type, flag category, lapsed=certificate|service_life), sort, page, export");
    }
}
