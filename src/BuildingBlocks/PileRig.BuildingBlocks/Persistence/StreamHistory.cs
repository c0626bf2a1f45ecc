using JasperFx.Events;
using Marten;
using PileRig.BuildingBlocks.Auditing;

namespace PileRig.BuildingBlocks.Persistence;

/// <summary>One event of a stream as the history endpoints show it: what happened, when, who, from which client.</summary>
public sealed record HistoryEntry(
    long Version,
    string Type,
    DateTimeOffset Timestamp,
    Guid? AccountId,
    string? Username,
    Guid? EnterpriseId,
    string? Client,
    string? UserAgent,
    string? CorrelationId,
    object Data);

public static class StreamHistory
{
    /// <summary>Every event of the stream, oldest first, with its audit headers.</summary>
    public static async Task<IReadOnlyList<HistoryEntry>> ReadAsync(IQuerySession session, Guid streamId,
        CancellationToken cancellationToken)
    {
        var events = await session.Events.FetchStreamAsync(streamId, token: cancellationToken);
        return events.Select(ToEntry).ToList();
    }

    public static HistoryEntry ToEntry(IEvent e) => new(
        e.Version,
        e.EventTypeName,
        e.Timestamp,
        Guid.TryParse(Header(e, AuditHeaders.AccountId), out var account) ? account : null,
        Header(e, AuditHeaders.Username) ?? e.UserName,
        Guid.TryParse(Header(e, AuditHeaders.EnterpriseId), out var enterprise) ? enterprise : null,
        Header(e, AuditHeaders.Channel),
        Header(e, AuditHeaders.UserAgent),
        e.CorrelationId,
        e.Data);

    private static string? Header(IEvent e, string key) =>
        e.Headers is not null && e.Headers.TryGetValue(key, out var value) ? value?.ToString() : null;
}
