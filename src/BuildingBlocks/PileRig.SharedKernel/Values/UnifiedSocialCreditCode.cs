namespace PileRig.SharedKernel.Values;

/// <summary>What a check of a 统一社会信用代码 found.</summary>
public enum CreditCodeCheck
{
    /// <summary>Format and GB 32100 check character both right.</summary>
    Valid,
    /// <summary>Not 18 characters from the code's alphabet: refused outright.</summary>
    BadFormat,
    /// <summary>Well-formed, but the 18th character is not the computed check character. Some real codes do this, so the
    /// user may confirm it, and the confirmation is recorded.</summary>
    CheckCharacterMismatch,
}

/// <summary>统一社会信用代码, GB 32100-2015: 18 characters from 0-9 and A-Y without I, O, S, V, Z; the last is a check character.</summary>
public static class UnifiedSocialCreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Upper-cases and trims what a user typed; the stored form.</summary>
    public static string Normalize(string raw) => raw.Trim().ToUpperInvariant();

    public static CreditCodeCheck Check(string normalized)
    {
        if (normalized.Length != 18 || normalized.Any(c => Alphabet.IndexOf(c) < 0))
        {
            return CreditCodeCheck.BadFormat;
        }

        return normalized[17] == ExpectedCheckCharacter(normalized)
            ? CreditCodeCheck.Valid
            : CreditCodeCheck.CheckCharacterMismatch;
    }

    /// <summary>c18 = 31 − (Σ value(ci)·wi mod 31), with 31 mapped to '0'.</summary>
    public static char ExpectedCheckCharacter(string normalized)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(normalized[i]) * Weights[i];
        }

        var value = 31 - (sum % 31);
        return Alphabet[value == 31 ? 0 : value];
    }
}
