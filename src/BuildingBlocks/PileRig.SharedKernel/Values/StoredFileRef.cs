namespace PileRig.SharedKernel.Values;

/// <summary>
/// A file as events record it: its SHA-256 (the content address), size, sniffed content type and the name the user gave.
/// </summary>
public sealed record StoredFileRef(string Sha256, long Size, string ContentType, string OriginalName);
