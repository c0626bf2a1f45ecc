using System.Globalization;
using PileRig.BuildingBlocks.Errors;
using PileRig.SharedKernel.Rules;
using PileRig.SharedKernel.Values;

namespace PileRig.BuildingBlocks.Http;

/// <summary>
/// Query-string values the way clients send them (snake_case enums in any case; dates and moments in ISO 8601 read on
/// the platform's calendar), refused by name when they cannot be read, never a 500.
/// </summary>
public static class QueryValues
{
    /// <summary>Dates and moments outside these years are typing mistakes, not records (and would overflow date arithmetic).</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public static readonly DateOnly Latest = new(2099, 12, 31);

    public const int MaxPage = 10_000;

    public static TEnum? ParseEnum<TEnum>(string? value, string field) where TEnum : struct, Enum =>
        string.IsNullOrEmpty(value) ? null
        : Enum.TryParse<TEnum>(value.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
        : throw new InputValidationException(field, CommonRules.InvalidValue);

    /// <summary>A day (<c>yyyy-MM-dd</c>) on the platform's calendar, between <see cref="Earliest"/> and <see cref="Latest"/>.</summary>
    public static DateOnly? ParseDay(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? InRange(day, field)
            : throw new InputValidationException(field, CommonRules.DateFormat);
    }

    /// <summary>
    /// A moment in ISO 8601. With an offset (<c>+08:00</c>, <c>Z</c>, any other) it is that moment; without one it is read
    /// as China time, the time on the user's watch; a bare day means its first moment, China time. Answered in UTC.
    /// </summary>
    public static DateTimeOffset ParseInstant(string? value, string field)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            throw new InputValidationException(field, CommonRules.Required);
        }

        DateTimeOffset moment;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            moment = ChinaTime.StartOf(InRange(day, field));
        }
        else if (HasOffset(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            moment = withOffset;
        }
        else if (!HasOffset(text) && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            moment = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ChinaTime.Offset);
        }
        else
        {
            throw new InputValidationException(field, CommonRules.DateFormat);
        }

        InRange(ChinaTime.DayOf(moment), field);
        return moment.ToUniversalTime();
    }

    /// <summary>A page number from 1 to <see cref="MaxPage"/>; absent is the first.</summary>
    public static int ParsePage(int? page, string field = "page") =>
        page is null ? 1 : page is >= 1 and <= MaxPage ? page.Value : throw new InputValidationException(field, CommonRules.InvalidValue);

    private static DateOnly InRange(DateOnly day, string field) =>
        day >= Earliest && day <= Latest
            ? day
            : throw new InputValidationException(field, CommonRules.DateRange, ("from", Earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("to", Latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    // "…T08:00:00+08:00", "…Z", "…-05:00": a sign or Z after the time part.
    private static bool HasOffset(string text)
    {
        var time = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        if (time < 0)
        {
            time = text.IndexOf(' ', StringComparison.Ordinal);
        }

        return time >= 0 && (text.EndsWith('Z') || text.EndsWith('z') || text.IndexOfAny(['+', '-'], time) >= 0);
    }
}
