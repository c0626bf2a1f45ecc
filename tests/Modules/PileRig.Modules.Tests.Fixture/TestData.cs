using System.Security.Cryptography;
using PileRig.SharedKernel.Values;

namespace PileRig.Modules.Tests.Fixture;

/// <summary>Fresh, valid values so parallel tests never collide.</summary>
public static class TestData
{
    private const string CreditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    public static string Username(string prefix = "u") => prefix + Guid.NewGuid().ToString("N")[..12];

    public static string Mobile() => "13" + RandomNumberGenerator.GetInt32(0, 1_000_000_000).ToString("D9");

    /// <summary>A random 统一社会信用代码 with a correct GB 32100 check character.</summary>
    public static string CreditCode()
    {
        var body = "91330" + new string(Enumerable.Range(0, 12).Select(_ => CreditAlphabet[RandomNumberGenerator.GetInt32(CreditAlphabet.Length)]).ToArray());
        return body + UnifiedSocialCreditCode.ExpectedCheckCharacter(body + "0");
    }

    /// <summary>The same code with a wrong check character.</summary>
    public static string WithWrongCheckCharacter(string code)
    {
        var wrong = CreditAlphabet.First(c => c != code[17]);
        return code[..17] + wrong;
    }
}

/// <summary>Small real files: a PDF header, a valid 1×1 PNG, a JPEG header, and text pretending to be an image.</summary>
public static class TestFiles
{
    public static byte[] Pdf { get; } = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

    public static byte[] Png { get; } = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public static byte[] Jpeg { get; } = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01];

    public static byte[] TextPretendingToBeJpeg { get; } = "<html>not an image</html>"u8.ToArray();
}
