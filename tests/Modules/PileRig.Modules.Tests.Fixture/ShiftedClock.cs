namespace PileRig.Modules.Tests.Fixture;

/// <summary>
/// The machine's clock moved to a chosen moment and running on from there, for a host that must stand at a given
/// time of day (01:30 in Ningbo, when the UTC date is still yesterday's).
/// </summary>
public sealed class ShiftedClock(DateTimeOffset startAt) : TimeProvider
{
    private readonly TimeSpan _shift = startAt - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;

    /// <summary>Today's date in Ningbo at the given time of day, as a UTC instant.</summary>
    public static DateTimeOffset TodayInNingboAt(TimeOnly time)
    {
        var ningbo = System.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        return new DateTimeOffset(DateOnly.FromDateTime(ningbo.DateTime).ToDateTime(time), TimeSpan.FromHours(8)).ToUniversalTime();
    }
}
