using System.Text.RegularExpressions;

namespace PileRig.SharedKernel.Values;

/// <summary>A mainland China mobile number: 1, then 3–9, then nine digits.</summary>
public static partial class MobileNumber
{
    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    [GeneratedRegex(@"^1[3-9]\d{9}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
