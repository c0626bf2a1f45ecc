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

    private DigestSigner(ECDsa key)
    {
        _key = key;
        PublicKeyPem = _key.ExportSubjectPublicKeyInfoPem();
        KeyId = KeyIdOf(PublicKeyPem);
    }

    /// <summary>A configured private key (PKCS#8 or SEC1 PEM).</summary>
    public static DigestSigner FromPem(string privateKeyPem)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(privateKeyPem.Replace("\\n", "\n", StringComparison.Ordinal)); // "\n" where an environment could not hold a newline
        return new DigestSigner(key);
    }

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
        using var key = VerificationKey.Open(publicKeyPem);
        return key.KeyId;
    }

    public static bool Verify(string publicKeyPem, string canonicalText, string signature)
    {
        try
        {
            using var key = VerificationKey.Open(publicKeyPem);
            return key.Verify(canonicalText, signature);
        }
        catch (Exception e) when (e is FormatException or CryptographicException or ArgumentException)
        {
            return false;
        }
    }

    public void Dispose() => _key.Dispose();
}

/// <summary>A public key read once from its PEM, for checking many signatures (a trail's seal and each of its digests).</summary>
public sealed class VerificationKey : IDisposable
{
    private readonly ECDsa _key;

    private VerificationKey(ECDsa key)
    {
        _key = key;
        KeyId = Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];
    }

    public string KeyId { get; }

    /// <exception cref="CryptographicException">The PEM holds no usable key.</exception>
    public static VerificationKey Open(string publicKeyPem)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(publicKeyPem);
            return new VerificationKey(key);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    public bool Verify(string canonicalText, string signature)
    {
        try
        {
            return _key.VerifyData(Encoding.UTF8.GetBytes(canonicalText), Convert.FromBase64String(signature), HashAlgorithmName.SHA256);
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return false;
        }
    }

    public void Dispose() => _key.Dispose();
}
