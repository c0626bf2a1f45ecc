using System.Text;
using System.Text.Json;
using Marten;
using PileRig.BuildingBlocks.Errors;
using PileRig.SharedKernel.Rules;

namespace PileRig.BuildingBlocks.Persistence;

/// <summary>One page of a list: its rows, how many rows the whole filtered list has, and where the next page starts.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, long Total, string? NextCursor);

/// <summary>
/// Lists read by key (ADR 0016): each page continues after the last row of the one before (its sort value and id,
/// carried by an opaque cursor), through an index, so the thousandth page costs what the first does — no OFFSET that
/// reads and throws away every row before it, no whole set in memory. Built as SQL over the columns Marten keeps for
/// the document (its duplicated fields, on the alias <c>d</c>), with <c>?</c> parameters; <paramref name="from"/> names the
/// document's table (with the alias) for the total.
/// </summary>
public sealed class KeysetQuery<T>(string from)
{
    private readonly List<string> _where = [];
    private readonly List<object> _parameters = [];
    private string _sort = "d.id";
    private string _sortType = "uuid";
    private bool _descending = true;
    private Func<T, string?> _sortValue = _ => null;
    private bool _byIdOnly = true;

    /// <summary>
    /// A filter and its parameter, e.g. <c>("d.status = ?", "InUse")</c>; an array is one parameter (for <c>any(?)</c>
    /// or <c>&amp;&amp; ?</c>). No <c>params object[]</c> on purpose: C# would spread a <c>string[]</c> over it.
    /// </summary>
    public KeysetQuery<T> Where(string condition, object parameter) => Add(condition, parameter);

    public KeysetQuery<T> Where(string condition) => Add(condition);

    /// <summary>A condition with several placeholders, one value each, in order (an array value is one parameter in <see cref="Where(string, object)"/>).</summary>
    public KeysetQuery<T> WhereEach(string condition, object[] parameters) => Add(condition, parameters);

    private KeysetQuery<T> Add(string condition, params object[] parameters)
    {
        _where.Add(condition);
        _parameters.AddRange(parameters);
        return this;
    }

    /// <summary>Sort by the id alone (ids are version 7 GUIDs: creation order).</summary>
    public KeysetQuery<T> OrderById(bool descending)
    {
        (_sort, _sortType, _descending, _byIdOnly) = ("d.id", "uuid", descending, true);
        return this;
    }

    /// <summary>Sort by an expression (ties broken by id); <paramref name="valueOf"/> reads the same value off a row, as text.</summary>
    public KeysetQuery<T> OrderBy(string expression, string sqlType, bool descending, Func<T, string?> valueOf)
    {
        (_sort, _sortType, _descending, _sortValue, _byIdOnly) = (expression, sqlType, descending, valueOf, false);
        return this;
    }

    public async Task<Page<T>> PageAsync(IQuerySession session, string? cursor, int pageSize, Func<T, Guid> idOf, CancellationToken cancellationToken)
    {
        var where = new List<string>(_where);
        var parameters = new List<object>(_parameters);
        var comparison = _descending ? "<" : ">";
        if (Keyset.Decode(cursor) is { } after)
        {
            if (_byIdOnly)
            {
                where.Add($"d.id {comparison} ?");
                parameters.Add(after.Id);
            }
            else
            {
                where.Add($"({_sort}, d.id) {comparison} (?::{_sortType}, ?)");
                parameters.Add(after.Value ?? "");
                parameters.Add(after.Id);
            }
        }

        var direction = _descending ? "desc" : "asc";
        var order = _byIdOnly ? $"d.id {direction}" : $"{_sort} {direction}, d.id {direction}";
        // Marten completes "where …" with the document's own select (alias d), whatever metadata it maps.
        var rows = await session.QueryAsync<T>($"where {(where.Count == 0 ? "true" : string.Join(" and ", where))} order by {order} limit {pageSize + 1}",
            cancellationToken, [.. parameters]);
        var items = rows.Take(pageSize).ToList();
        var next = rows.Count > pageSize ? Keyset.Encode(_byIdOnly ? null : _sortValue(items[^1]), idOf(items[^1])) : null;
        var total = (await session.QueryAsync<long>($"select count(*) from {from}{Clause(_where)}", cancellationToken, [.. _parameters]))[0];
        return new Page<T>(items, total, next);
    }

    private static string Clause(List<string> where) => where.Count == 0 ? "" : " where " + string.Join(" and ", where);
}

public static class Keyset
{
    public static readonly RuleCode BadCursor = new("validation.cursor", RuleKind.Validation,
        "分页位置无效，请从第一页重新开始", "This page position is not valid; start again from the first page");

    public static string Encode(string? value, Guid id) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new[] { value, id.ToString("D") })).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static (string? Value, Guid Id)? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            var text = cursor.Replace('-', '+').Replace('_', '/');
            var parts = JsonSerializer.Deserialize<string?[]>(Convert.FromBase64String(text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=')));
            return parts is [var value, { } id] && Guid.TryParse(id, out var guid) ? (value, guid) : throw new FormatException();
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            throw new InputValidationException("cursor", BadCursor);
        }
    }

    /// <summary>A page size from the query string: 1–200, 20 when absent.</summary>
    public static int PageSize(int? requested, string field = "pageSize") =>
        requested is null ? 20 : requested is >= 1 and <= 200 ? requested.Value : throw new InputValidationException(field, CommonRules.InvalidValue);
}
