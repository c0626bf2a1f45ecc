namespace PileRig.BuildingBlocks.Files;

/// <summary>
/// Where file bytes live, addressed by their SHA-256. The local-disk store is the default; an object store (S3) can
/// implement the same two operations later.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores the bytes under their hash; storing the same content twice keeps one copy.</summary>
    Task PutAsync(string sha256, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    Task<Stream?> OpenAsync(string sha256, CancellationToken cancellationToken);
}

public sealed class FileStoreOptions
{
    public const string Section = "PileRig:Files";

    /// <summary>Folder for the local store; relative paths are under the content root.</summary>
    public string Root { get; set; } = ".data/files";

    public int MaxMegabytes { get; set; } = 10;

    public long MaxBytes => MaxMegabytes * 1024L * 1024L;
}

/// <summary>Files on local disk as <c>root/ab/cd/abcdef…</c>, written to a temporary name and moved into place.</summary>
public sealed class LocalDiskFileStore(string root) : IFileStore
{
    public async Task PutAsync(string sha256, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var path = PathOf(sha256);
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temporary, content.ToArray(), cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    public Task<Stream?> OpenAsync(string sha256, CancellationToken cancellationToken)
    {
        var path = PathOf(sha256);
        return Task.FromResult<Stream?>(File.Exists(path) ? File.OpenRead(path) : null);
    }

    private string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("Not a SHA-256 hex digest.", nameof(sha256));
        }

        return Path.Combine(root, sha256[..2], sha256[2..4], sha256);
    }
}
