using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace PileRig.Modules.EquipmentRegistry.Infrastructure;

public sealed class QrOptions
{
    public const string Section = "PileRig:Qr";

    /// <summary>What the printed URL starts with; short, and on a domain WeChat does not intercept.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>The key new codes are signed with (one character, 0-9 or A-Z).</summary>
    public string CurrentKeyId { get; set; } = "1";

    /// <summary>Key id → base64 secret (≥ 32 bytes). Old keys stay here so printed labels keep verifying after rotation.</summary>
    public Dictionary<string, string> Keys { get; set; } = [];
}

/// <summary>
/// The signed code on a label: <c>&lt;kind&gt;&lt;id&gt;.&lt;keyId&gt;&lt;tag&gt;</c>, e.g. <c>R7K2M9Q4XZA.1H8D3KQ2M0P</c>.
/// kind is R (base unit) or C (component); id 10 Crockford base32 characters (50 random bits); tag the first 50 bits
/// of HMAC-SHA256(key, kind+id). A code the platform did not issue fails <see cref="TryVerify"/> before any lookup.
/// </summary>
public sealed class QrCodes
{
    public const char BaseUnit = 'R';
    public const char Component = 'C';
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int IdLength = 10;
    private const int TagLength = 10;

    private readonly Dictionary<char, byte[]> _keys;
    private readonly char _currentKeyId;
    private readonly string _baseUrl;

    public QrCodes(IOptions<QrOptions> options)
    {
        var value = options.Value;
        _keys = value.Keys.Where(k => k.Key.Length == 1).ToDictionary(k => char.ToUpperInvariant(k.Key[0]), k => Convert.FromBase64String(k.Value));
        _currentKeyId = char.ToUpperInvariant(value.CurrentKeyId.Single());
        if (!_keys.TryGetValue(_currentKeyId, out var current) || current.Length < 32)
        {
            throw new InvalidOperationException(
                $"{QrOptions.Section}:Keys:{_currentKeyId} must hold a base64 secret of at least 32 bytes (scripts/run generates one in .data).");
        }

        _baseUrl = value.PublicBaseUrl.TrimEnd('/');
    }

    /// <summary>A new item code (kind + 10 random characters); unique by the binding document that stores it.</summary>
    public static string NewItemCode(char kind) =>
        kind + string.Create(IdLength, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
            }
        });

    /// <summary>The token printed on the label, signed with the current key.</summary>
    public string Sign(string itemCode) => itemCode + "." + _currentKeyId + Tag(_keys[_currentKeyId], itemCode);

    public string UrlFor(string itemCode) => $"{_baseUrl}/q/{Sign(itemCode)}";

    /// <summary>
    /// Accepts the full label URL or the bare token (case-insensitive, as typed by hand); on success gives the item code.
    /// </summary>
    public bool TryVerify(string? scanned, out string itemCode)
    {
        itemCode = "";
        var token = (scanned ?? "").Trim();
        var q = token.LastIndexOf("/q/", StringComparison.OrdinalIgnoreCase);
        if (q >= 0)
        {
            token = token[(q + 3)..];
        }

        token = token.Split('?', '#')[0].ToUpperInvariant();
        var parts = token.Split('.');
        if (parts.Length != 2 || parts[0].Length != IdLength + 1 || parts[1].Length != TagLength + 1
            || parts[0][0] is not (BaseUnit or Component) || !parts[0][1..].All(c => Alphabet.Contains(c, StringComparison.Ordinal))
            || !_keys.TryGetValue(parts[1][0], out var key))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Tag(key, parts[0]));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[1][1..])))
        {
            return false;
        }

        itemCode = parts[0];
        return true;
    }

    private static string Tag(byte[] key, string itemCode)
    {
        var mac = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(itemCode));
        // The first 50 bits as 10 base32 characters.
        var bits = ((ulong)mac[0] << 42) | ((ulong)mac[1] << 34) | ((ulong)mac[2] << 26) | ((ulong)mac[3] << 18) | ((ulong)mac[4] << 10)
            | ((ulong)mac[5] << 2) | ((ulong)mac[6] >> 6);
        return string.Create(TagLength, bits, (span, b) =>
        {
            for (var i = TagLength - 1; i >= 0; i--)
            {
                span[i] = Alphabet[(int)(b & 31)];
                b >>= 5;
            }
        });
    }
}
