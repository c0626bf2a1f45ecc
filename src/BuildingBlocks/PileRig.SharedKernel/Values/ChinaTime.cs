namespace PileRig.SharedKernel.Values;

/// <summary>
/// The platform's calendar: China keeps one zone, UTC+8, without daylight saving. A "day" (a certificate valid until,
/// a digest, a week on the dashboard, a date on a list) is a day in Ningbo, whatever zone the server runs in.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset Of(DateTimeOffset at) => at.ToOffset(Offset);

    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(Of(at).DateTime);

    /// <summary>
    /// Midnight at the start of <paramref name="day"/>, China time, as a UTC instant (the form PostgreSQL's timestamptz
    /// parameters accept).
    /// </summary>
    public static DateTimeOffset StartOf(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();

    /// <summary>Today on the platform's calendar.</summary>
    public static DateOnly Today(TimeProvider clock) => DayOf(clock.GetUtcNow());
}
