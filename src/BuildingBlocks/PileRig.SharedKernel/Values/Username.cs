using System.Text.RegularExpressions;

namespace PileRig.SharedKernel.Values;

/// <summary>Login names: 3–32 characters of letters, digits, '_', '-' and '.'; compared case-insensitively.</summary>
public static partial class Username
{
    public static string Normalize(string raw) => raw.Trim().ToLowerInvariant();

    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value.Trim());

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]{3,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
