using System.Security.Cryptography;

namespace PileRig.SharedKernel.Values;

/// <summary>At least 8 characters, with at least one letter and one digit.</summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 8;
    public const int MaximumLength = 128;

    public static bool IsSatisfiedBy(string? password) =>
        password is { Length: >= MinimumLength and <= MaximumLength }
        && password.Any(char.IsAsciiLetter)
        && password.Any(char.IsAsciiDigit);

    // No 0/O, 1/l/I: the firm reads the generated password out to an engineer on a noisy site.
    private const string Letters = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";

    /// <summary>A 12-character password that satisfies the policy, from a cryptographic random source.</summary>
    public static string Generate()
    {
        const int length = 12;
        var chars = new char[length];
        var all = Letters + Digits;
        for (var i = 0; i < length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        // Guarantee one of each class at random positions.
        var letterAt = RandomNumberGenerator.GetInt32(length);
        var digitAt = (letterAt + 1 + RandomNumberGenerator.GetInt32(length - 1)) % length;
        chars[letterAt] = Letters[RandomNumberGenerator.GetInt32(Letters.Length)];
        chars[digitAt] = Digits[RandomNumberGenerator.GetInt32(Digits.Length)];
        return new string(chars);
    }
}
