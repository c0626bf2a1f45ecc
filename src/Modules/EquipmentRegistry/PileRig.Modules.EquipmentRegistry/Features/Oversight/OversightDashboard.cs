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
using PileRig.BuildingBlocks.Persistence;
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

/// <summary>
/// Every figure is one SQL aggregate over indexed columns, bounded by what it counts (rigs in use, the last 12 weeks,
/// open flags, lapses up to today) — never a whole set loaded into memory (ADR 0016).
/// </summary>
public sealed class GetOversightDashboardHandler(IQuerySession session, RequestContext context, IOptions<SupervisionSettings> settings, TimeProvider clock)
    : IQueryHandler<GetOversightDashboard, OversightDashboard>
{
    private const int Weeks = 12;

    public async ValueTask<OversightDashboard> Handle(GetOversightDashboard query, CancellationToken cancellationToken)
    {
        var actor = context.Actor;
        var now = clock.GetUtcNow();
        var today = ChinaTime.DayOf(now);
        var todayText = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var firstWeek = today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - (7 * (Weeks - 1)));
        var since = ChinaTime.StartOf(firstWeek);
        var regulator = actor.Role == Roles.Regulator;
        var mine = actor.Jurisdictions.ToArray();
        var usageScope = regulator ? " and u.jurisdiction_code = any(?)" : "";
        var rigScope = regulator ? " and r.jurisdictions && ?::text[]" : "";
        object[] Scoped(params object[] values) => regulator ? [.. values, mine] : values;

        var inUse = await session.QueryAsync<CountRow>($"""
            select json_build_object('Key', u.jurisdiction_code || '|' || u.rig_type_code, 'Count', count(*))
              from {Usages} u where u.status = 'InUse'{usageScope} group by u.jurisdiction_code, u.rig_type_code
            """, cancellationToken, Scoped());
        var byJurisdiction = inUse.GroupBy(r => r.Key.Split('|')[0]).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Figure(g.Key, g.Sum(r => r.Count), $"/api/v1/oversight/usages?status=in_use&jurisdiction={g.Key}")).ToList();
        var byType = inUse.GroupBy(r => r.Key.Split('|')[1]).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Figure(g.Key, g.Sum(r => r.Count), $"/api/v1/oversight/usages?status=in_use&type={g.Key}")).ToList();

        // Entries and exits per week of the last 12, on the platform's calendar.
        var weekly = await session.QueryAsync<CountRow>($"""
            select json_build_object('Key', k, 'Count', count(*)) from (
              select 'in:' || floor(extract(epoch from (u.registered_at - ?::timestamptz)) / 604800)::int as k
                from {Usages} u where u.registered_at >= ?::timestamptz{usageScope}
              union all
              select 'out:' || floor(extract(epoch from (u.exited_at - ?::timestamptz)) / 604800)::int
                from {Usages} u where u.exited_at >= ?::timestamptz{usageScope}) w group by k
            """, cancellationToken, [.. Scoped(since, since), .. Scoped(since, since)]);
        int Week(string prefix, int w) => weekly.FirstOrDefault(r => r.Key == $"{prefix}:{w}")?.Count ?? 0;
        var weeks = Enumerable.Range(0, Weeks).Select(w => new WeekFigure(firstWeek.AddDays(7 * w), Week("in", w), Week("out", w))).ToList();

        // Open flags: only suspended rigs carry them, and the index finds those.
        var flagged = await session.QueryAsync<Rig>($"where d.open_flag_count > 0{rigScope.Replace("r.", "d.", StringComparison.Ordinal)}", cancellationToken,
            Scoped());
        var flags = flagged.SelectMany(r => r.OpenFlags)
            .GroupBy(f => (f.Category, Age: AgeOf(now - f.Since)))
            .OrderBy(g => g.Key.Category).ThenBy(g => g.Key.Age, StringComparer.Ordinal)
            .Select(g => new FlagFigure(g.Key.Category, g.Key.Age, g.Count(), $"/api/v1/oversight/rigs?status=suspended&flagCategory={Snake(g.Key.Category)}"))
            .ToList();

        var clones = await CountAsync($"select count(*) from {Clones} c" + (regulator
            ? $" where exists (select 1 from {Rigs} r where r.id = c.existing_rig_id{rigScope})" : ""), Scoped());
        var failedScans = await CountAsync($"select count(*) from {ScanAttempts} a" + (regulator
            ? $" where a.rig_id is not null and exists (select 1 from {Rigs} r where r.id = a.rig_id{rigScope})" : ""), Scoped());
        var lifeEnded = OversightLists.ServiceLifeEndedBefore(settings.Value, "r", todayText);
        var pastLife = await CountAsync($"select count(*) from {Rigs} r where {lifeEnded.Sql}{rigScope}", Scoped(lifeEnded.Parameters));
        var expired = await CountAsync($"select count(*) from {Rigs} r where r.description_certificate_valid_until < ?::date{rigScope}", Scoped(todayText));

        return new OversightDashboard(
            regulator ? actor.Jurisdictions : [],
            byJurisdiction,
            byType,
            weeks,
            flags,
            new Figure("suspected_clones", clones, "/api/v1/suspected-clones"),
            new Figure("failed_scans", failedScans, "/api/v1/scan-attempts"),
            new Figure("past_service_life", pastLife, "/api/v1/oversight/rigs?lapsed=service_life"),
            new Figure("certificate_expired", expired, "/api/v1/oversight/rigs?lapsed=certificate"));

        async Task<int> CountAsync(string sql, object[] parameters) => (int)(await session.QueryAsync<long>(sql, cancellationToken, parameters))[0];
    }

    private const string Usages = "equipment_registry.mt_doc_usagerecord";
    private const string Rigs = "equipment_registry.mt_doc_rig";
    private const string Clones = "equipment_registry.mt_doc_suspectedclone";
    private const string ScanAttempts = "equipment_registry.mt_doc_scanattempt";

    private static string AgeOf(TimeSpan age) => age.TotalDays < 7 ? "under_7_days" : age.TotalDays <= 30 ? "7_to_30_days" : "over_30_days";

    private static string Snake(Enum value) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>One row of a grouped count, read as JSON (Marten reads a document per row).</summary>
    public sealed record CountRow(string Key, int Count);
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

public enum Lapsed
{
    Certificate,
    ServiceLife,
}

public sealed record ListOversightUsages(string? Jurisdiction, string? Type, UsageStatus? Status, DateOnly? From, DateOnly? To, string? Sort, string? Cursor,
    int PageSize) : IQuery<Page<UsageRow>>;

public sealed record ListOversightRigs(string? Jurisdiction, string? Type, RigStatus? Status, FlagCategory? FlagCategory, Lapsed? Lapsed, string? Sort,
    string? Cursor, int PageSize) : IQuery<Page<RigRow>>;

public sealed class ListOversightUsagesHandler(IQuerySession session, RequestContext context) : IQueryHandler<ListOversightUsages, Page<UsageRow>>
{
    public async ValueTask<Page<UsageRow>> Handle(ListOversightUsages query, CancellationToken cancellationToken)
    {
        var list = OversightLists.ScopedUsages(context.Actor);
        if (query.Jurisdiction is { } jurisdiction)
        {
            list.Where("d.jurisdiction_code = ?", jurisdiction);
        }

        if (query.Type is { } type)
        {
            list.Where("d.rig_type_code = ?", type);
        }

        if (query.Status is { } status)
        {
            list.Where("d.status = ?", status.ToString());
        }

        if (query.From is { } from)
        {
            list.Where("d.registered_at >= ?::timestamptz", ChinaTime.StartOf(from));
        }

        if (query.To is { } to)
        {
            list.Where("d.registered_at < ?::timestamptz", ChinaTime.StartOf(to.AddDays(1)));
        }

        _ = OversightLists.SortKey(query.Sort, "-registeredAt") switch
        {
            // A usage's id is a version 7 GUID made when it was registered: its order is the registration order.
            ("registeredAt", var desc) => list.OrderById(desc),
            ("projectName", var desc) => list.OrderBy("d.project_name", "varchar", desc, u => u.ProjectName),
            ("factorySerial", var desc) => list.OrderBy("d.rig_factory_serial", "varchar", desc, u => u.RigFactorySerial),
            ("installedHeightMetres", var desc) => list.OrderBy("d.installed_height_metres", "numeric", desc,
                u => u.InstalledHeightMetres.ToString(CultureInfo.InvariantCulture)),
            _ => throw new InputValidationException("sort", CommonRules.InvalidValue),
        };
        var page = await list.PageAsync(session, query.Cursor, query.PageSize, u => u.Id, cancellationToken);
        return new Page<UsageRow>(page.Items.Select(UsageRow.From).ToList(), page.Total, page.NextCursor);
    }
}

public sealed class ListOversightRigsHandler(IQuerySession session, RequestContext context, IOptions<SupervisionSettings> settings, TimeProvider clock)
    : IQueryHandler<ListOversightRigs, Page<RigRow>>
{
    public async ValueTask<Page<RigRow>> Handle(ListOversightRigs query, CancellationToken cancellationToken)
    {
        var today = ChinaTime.DayOf(clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var lifeEnds = OversightLists.ServiceLifeEndsSql(settings.Value, "d");
        var list = OversightLists.ScopedRigs(context.Actor);
        if (query.Jurisdiction is { } jurisdiction)
        {
            list.Where("d.jurisdictions && ?::text[]", (object)new[] { jurisdiction });
        }

        if (query.Type is { } type)
        {
            list.Where("d.description_type_code = ?", type);
        }

        if (query.Status is { } status)
        {
            list.Where("d.status = ?", status.ToString());
        }

        if (query.FlagCategory is { } category)
        {
            // Only rigs with open flags (indexed) are looked into for the category.
            list.Where("d.open_flag_count > 0 and d.data->'OpenFlags' @> jsonb_build_array(jsonb_build_object('Category', ?::text))", category.ToString());
        }

        _ = query.Lapsed switch
        {
            Lapsed.Certificate => list.Where("d.description_certificate_valid_until < ?::date", today),
            Lapsed.ServiceLife => OversightLists.ServiceLifeEndedBefore(settings.Value, "d", today) is var (sql, days) ? list.WhereEach(sql, days) : list,
            _ => list,
        };
        _ = OversightLists.SortKey(query.Sort, "-registeredAt") switch
        {
            // A rig's id is a version 7 GUID made when it was registered.
            ("registeredAt", var desc) => list.OrderById(desc),
            ("factorySerial", var desc) => list.OrderBy("d.description_factory_serial", "varchar", desc, r => r.Description.FactorySerial),
            ("certificateValidUntil", var desc) => list.OrderBy("coalesce(d.description_certificate_valid_until, '9999-12-31'::date)", "date", desc,
                r => (r.Description.CertificateValidUntil ?? new DateOnly(9999, 12, 31)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("serviceLifeEnds", var desc) => list.OrderBy(lifeEnds, "date", desc,
                r => r.ServiceLifeEnds(settings.Value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("openFlags", var desc) => list.OrderBy("d.open_flag_count", "int", desc, r => r.OpenFlagCount.ToString(CultureInfo.InvariantCulture)),
            _ => throw new InputValidationException("sort", CommonRules.InvalidValue),
        };
        var page = await list.PageAsync(session, query.Cursor, query.PageSize, r => r.Id, cancellationToken);
        var ownerIds = page.Items.Select(r => r.OwnerId).Distinct().ToArray();
        var owners = (await session.LoadManyAsync<OwnerDirectoryEntry>(cancellationToken, ownerIds)).ToDictionary(o => o.Id, o => o.Name);
        var rows = page.Items.Select(r => new RigRow(r.Id, r.Description.TypeCode, r.Description.Maker, r.Description.Model, r.Description.FactorySerial,
            owners.GetValueOrDefault(r.OwnerId, ""), r.Status, r.OpenFlagCount, r.Description.CertificateValidUntil, r.ServiceLifeEnds(settings.Value),
            r.Jurisdictions, r.RegisteredAt)).ToList();
        return new Page<RigRow>(rows, page.Total, page.NextCursor);
    }
}

/// <summary>The regulator's view is bounded by its jurisdictions; the admin's is not.</summary>
public static class OversightLists
{
    /// <summary>An export takes every row of the filtered list, up to this many.</summary>
    public const int ExportLimit = 10_000;

    public static KeysetQuery<UsageRecord> ScopedUsages(Actor actor)
    {
        var list = new KeysetQuery<UsageRecord>("equipment_registry.mt_doc_usagerecord d");
        return actor.Role == Roles.Regulator ? list.Where("d.jurisdiction_code = any(?)", (object)actor.Jurisdictions.ToArray()) : list;
    }

    public static KeysetQuery<Rig> ScopedRigs(Actor actor)
    {
        var list = new KeysetQuery<Rig>("equipment_registry.mt_doc_rig d");
        return actor.Role == Roles.Regulator ? list.Where("d.jurisdictions && ?::text[]", (object)actor.Jurisdictions.ToArray()) : list;
    }

    /// <summary>The day a rig's service life ends, in SQL: its manufacture date plus the years its type may serve (settings).</summary>
    public static string ServiceLifeEndsSql(SupervisionSettings settings, string alias)
    {
        var cases = string.Concat(settings.ServiceLifeYears.Select(t =>
            $" when '{t.Key.Replace("'", "''", StringComparison.Ordinal)}' then {t.Value.ToString(CultureInfo.InvariantCulture)}"));
        var years = cases.Length == 0
            ? settings.DefaultServiceLifeYears.ToString(CultureInfo.InvariantCulture)
            : $"case {alias}.description_type_code{cases} else {settings.DefaultServiceLifeYears.ToString(CultureInfo.InvariantCulture)} end";
        return $"({alias}.description_manufacture_date + make_interval(years => {years}))::date";
    }

    /// <summary>
    /// "The rig's service life ended before this day", in SQL the index on the manufacture date can answer: per rig
    /// type, made before the day less the type's years (the end day computed on every row cannot use an index).
    /// Returns the day once per placeholder.
    /// </summary>
    public static (string Sql, object[] Parameters) ServiceLifeEndedBefore(SupervisionSettings settings, string alias, string day)
    {
        string MadeBefore(int years) =>
            $"{alias}.description_manufacture_date < (?::date - make_interval(years => {years.ToString(CultureInfo.InvariantCulture)}))::date";
        static string Quoted(string code) => $"'{code.Replace("'", "''", StringComparison.Ordinal)}'";

        if (settings.ServiceLifeYears.Count == 0)
        {
            return (MadeBefore(settings.DefaultServiceLifeYears), [day]);
        }

        var branches = settings.ServiceLifeYears
            .Select(t => $"({alias}.description_type_code = {Quoted(t.Key)} and {MadeBefore(t.Value)})")
            .Append($"({alias}.description_type_code not in ({string.Join(", ", settings.ServiceLifeYears.Keys.Select(Quoted))}) and "
                + $"{MadeBefore(settings.DefaultServiceLifeYears)})")
            .ToList();
        return ($"({string.Join(" or ", branches)})", Enumerable.Repeat<object>(day, branches.Count).ToArray());
    }

    /// <summary>"-registeredAt" → (registeredAt, descending).</summary>
    public static (string Key, bool Descending) SortKey(string? sort, string fallback)
    {
        var value = string.IsNullOrWhiteSpace(sort) ? fallback : sort.Trim();
        return value.StartsWith('-') ? (value[1..], true) : (value, false);
    }

    public static (string? Cursor, int PageSize) Paging(string? cursor, int? pageSize, ListFormat format) =>
        format != ListFormat.Json ? (null, ExportLimit) : (cursor, Keyset.PageSize(pageSize));
}

public static class OversightDashboardEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/oversight/dashboard", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetOversightDashboard(), ct)))
            .RequireAuthorization(Policies.Oversight).WithTags("Oversight")
            .WithSummary("Rigs in use by jurisdiction and type, entries and exits per week, open flags by category and age, clones, forged codes, lapses");

        api.MapGet("/oversight/usages", async Task<IResult> (string? jurisdiction, string? type, string? status, string? from, string? to, string? sort,
                string? cursor, int? pageSize, string? format, ISender sender, TimeProvider clock, CancellationToken ct) =>
            {
                var as_ = QueryValues.ParseEnum<ListFormat>(format, "format") ?? ListFormat.Json;
                var (p, size) = OversightLists.Paging(cursor, pageSize, as_);
                var rows = await sender.Send(new ListOversightUsages(jurisdiction, type, QueryValues.ParseEnum<UsageStatus>(status, "status"),
                    QueryValues.ParseDay(from, "from"), QueryValues.ParseDay(to, "to"), sort, p, size), ct);
                return as_ == ListFormat.Json ? TypedResults.Ok(rows) : TabularExport.File(rows.Items, UsageRow.Columns, as_, "usages", clock.GetUtcNow());
            })
            .RequireAuthorization(Policies.Oversight).WithTags("Oversight").Produces<Page<UsageRow>>()
            .WithSummary("Usage registrations in the actor's jurisdictions: filter, sort (e.g. -registeredAt), page by cursor (nextCursor); format=csv|xlsx exports the same columns");

        api.MapGet("/oversight/rigs", async Task<IResult> (string? jurisdiction, string? type, string? status, string? flagCategory, string? lapsed,
                string? sort, string? cursor, int? pageSize, string? format, ISender sender, TimeProvider clock, CancellationToken ct) =>
            {
                var as_ = QueryValues.ParseEnum<ListFormat>(format, "format") ?? ListFormat.Json;
                var (p, size) = OversightLists.Paging(cursor, pageSize, as_);
                var rows = await sender.Send(new ListOversightRigs(jurisdiction, type, QueryValues.ParseEnum<RigStatus>(status, "status"),
                    QueryValues.ParseEnum<FlagCategory>(flagCategory, "flagCategory"), QueryValues.ParseEnum<Lapsed>(lapsed, "lapsed"), sort, p, size), ct);
                return as_ == ListFormat.Json ? TypedResults.Ok(rows) : TabularExport.File(rows.Items, RigRow.Columns, as_, "rigs", clock.GetUtcNow());
            })
            .RequireAuthorization(Policies.Oversight).WithTags("Oversight").Produces<Page<RigRow>>()
            .WithSummary("Rigs in the actor's jurisdictions: filter (status, type, flag category, lapsed=certificate|service_life), sort, page by cursor, export");
    }
}
