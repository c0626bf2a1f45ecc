using System.Text.RegularExpressions;

namespace PileRig.Host.Tools;

/// <summary>
/// JasperFx's <c>describe</c> prints every configuration value with its source — the admin's password, the QR signing
/// keys, the database password among them. For that command the secrets are replaced with "(hidden)" before it runs.
/// </summary>
public static partial class SecretSettings
{
    public const string Hidden = "(hidden)";

    public static IEnumerable<KeyValuePair<string, string?>> Masked(IConfiguration configuration) =>
        configuration.AsEnumerable()
            .Where(setting => setting.Value is not null)
            .Select(setting => IsSecret(setting.Key)
                ? new KeyValuePair<string, string?>(setting.Key, Hidden)
                : setting.Key.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase)
                    ? new KeyValuePair<string, string?>(setting.Key, ConnectionPassword().Replace(setting.Value!, "${name}=" + Hidden))
                    : setting)
            .Where(setting => setting.Value is not null)
            .ToList();

    // Passwords, keys and tokens by name; the QR keys' section holds nothing but keys.
    private static bool IsSecret(string key) =>
        SecretName().IsMatch(key.Split(':')[^1]) || key.StartsWith("PileRig:Qr:Keys:", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("password|secret|token|apikey|privatekey|signingkey", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex("(?<name>password|pwd)=[^;]*", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionPassword();
}
