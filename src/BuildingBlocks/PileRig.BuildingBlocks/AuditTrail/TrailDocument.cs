using System.Globalization;
using System.Text.Json;

namespace PileRig.BuildingBlocks.AuditTrail;

/// <summary>
/// A stream's trail as exported: every event with its recorded hashes, the daily digests that sealed its heads, a seal
/// signed at export time, and the public key. Everything a verifier needs, offline.
/// </summary>
public sealed record TrailDocument(
    string Format,
    Guid StreamId,
    string Subject,
    DateTimeOffset ExportedAt,
    IReadOnlyList<TrailEvent> Events,
    IReadOnlyList<SignedDigest> Digests,
    TrailSeal Seal,
    string PublicKeyPem)
{
    public const string CurrentFormat = "pilerig-trail/1";

    /// <summary>Events stored in the last seconds that the sealer had not reached when the trail was exported (not included).</summary>
    public int NotYetSealed { get; init; }
}

public sealed record TrailEvent(
    long Version,
    long Sequence,
    Guid EventId,
    string Type,
    string Timestamp,
    string? CorrelationId,
    string? CausationId,
    JsonElement? Headers,
    JsonElement Data,
    string PreviousHash,
    string Hash)
{
    public ChainedEvent ToChained(Guid streamId) =>
        new(streamId, Version, Sequence, EventId, Type, Timestamp, CorrelationId, CausationId, Headers, Data);
}

/// <summary>The chain heads of every stream that changed on one day (China time), signed once the day is over.</summary>
public sealed record SignedDigest(DateOnly Day, DateTimeOffset SealedAt, IReadOnlyList<DigestHead> Heads, string Root, string KeyId, string Signature)
{
    public static string RootOf(DateOnly day, IEnumerable<DigestHead> heads) =>
        EventChain.Sha256Hex(string.Join('\n',
            heads.OrderBy(h => h.StreamId).Select(h => $"{h.StreamId:D}:{h.Version.ToString(CultureInfo.InvariantCulture)}:{h.Hash}")
                .Prepend($"pilerig-digest/1:{day:yyyy-MM-dd}")));

    public static string SignedText(DateOnly day, string root) => $"pilerig-digest/1\n{day:yyyy-MM-dd}\n{root}";
}

public sealed record DigestHead(Guid StreamId, long Version, string Hash);

/// <summary>The head of the exported stream at export time, signed: a trail cannot be cut short or re-hashed unnoticed.</summary>
public sealed record TrailSeal(Guid StreamId, long Version, string Hash, DateTimeOffset SealedAt, string KeyId, string Signature)
{
    public static string SignedText(Guid streamId, long version, string hash, DateTimeOffset sealedAt) =>
        $"pilerig-seal/1\n{streamId:D}\n{version.ToString(CultureInfo.InvariantCulture)}\n{hash}\n{EventChain.TimestampText(sealedAt)}";
}
