using System.Security.Cryptography;
using System.Text;

namespace PileRig.BuildingBlocks.AuditTrail;

/// <summary>
/// Signs digests and export seals with an ECDSA P-256 key, so anyone holding the published public key can check them
/// offline and nobody without the private key can forge them. The key lives in a PEM file outside the database: a
/// person who can rewrite the event tables cannot re-sign what they rewrote.
/// </summary>
public sealed class DigestSigner : IDisposable
{
    private readonly ECDsa _key;

    public DigestSigner(string keyPath)
    {
        _key = ECDsa.Create();
        if (File.Exists(keyPath))
        {
            _key.ImportFromPem(File.ReadAllText(keyPath));
        }
        else
        {
            _key.GenerateKey(ECCurve.NamedCurves.nistP256);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(keyPath))!);
            File.WriteAllText(keyPath, _key.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        PublicKeyPem = _key.ExportSubjectPublicKeyInfoPem();
        KeyId = KeyIdOf(PublicKeyPem);
    }

    public string KeyId { get; }

    public string PublicKeyPem { get; }

    public string Sign(string canonicalText) =>
        Convert.ToBase64String(_key.SignData(Encoding.UTF8.GetBytes(canonicalText), HashAlgorithmName.SHA256));

    public static string KeyIdOf(string publicKeyPem)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(publicKeyPem);
        return Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];
    }

    public static bool Verify(string publicKeyPem, string canonicalText, string signature)
    {
        try
        {
            using var key = ECDsa.Create();
            key.ImportFromPem(publicKeyPem);
            return key.VerifyData(Encoding.UTF8.GetBytes(canonicalText), Convert.FromBase64String(signature), HashAlgorithmName.SHA256);
        }
        catch (Exception e) when (e is FormatException or CryptographicException or ArgumentException)
        {
            return false;
        }
    }

    public void Dispose() => _key.Dispose();
}
