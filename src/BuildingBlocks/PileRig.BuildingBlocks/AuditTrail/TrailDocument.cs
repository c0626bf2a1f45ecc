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
    /// <summary>Format 2 carries Merkle proofs for format-2 digests; a verifier still reads format 1.</summary>
    public const string CurrentFormat = "pilerig-trail/2";

    public static readonly IReadOnlyList<string> ReadableFormats = ["pilerig-trail/1", CurrentFormat];

    /// <summary>Events stored in the last seconds that the sealer had not reached when the trail was exported (not included).</summary>
    public int NotYetSealed { get; init; }

    /// <summary>Versions the sealer linked that the event store no longer holds: deleted after they were sealed.</summary>
    public IReadOnlyList<long> MissingSealedVersions { get; init; } = [];
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

/// <summary>
/// The chain heads of every stream that changed on one day (China time), signed once the day is over.
/// <para>
/// Format 2 (<see cref="MerkleFormat"/>) signs a Merkle root over the heads: a trail carries, per digest, only its own
/// stream's head and the path to the root (log₂ of the day's streams, not all of them), so an export's size follows the
/// rig's history, not the platform's traffic. Format 1 (<see cref="FlatFormat"/>, digests sealed before) signs one hash
/// of every head; a trail carries all of that day's heads for it.
/// </para>
/// </summary>
public sealed record SignedDigest(DateOnly Day, DateTimeOffset SealedAt, IReadOnlyList<DigestHead> Heads, string Root, string KeyId, string Signature)
{
    public const string FlatFormat = "pilerig-digest/1";
    public const string MerkleFormat = "pilerig-digest/2";

    public string Format { get; init; } = FlatFormat;

    /// <summary>In a trail, format 2: the path from the stream's head (the one in <see cref="Heads"/>) to <see cref="Root"/>.</summary>
    public IReadOnlyList<string>? Proof { get; init; }

    public static string RootOf(DateOnly day, IEnumerable<DigestHead> heads) =>
        EventChain.Sha256Hex(string.Join('\n',
            heads.OrderBy(h => h.StreamId).Select(h => $"{h.StreamId:D}:{h.Version.ToString(CultureInfo.InvariantCulture)}:{h.Hash}")
                .Prepend($"pilerig-digest/1:{day:yyyy-MM-dd}")));

    public static string SignedText(string format, DateOnly day, string root) => $"{format}\n{day:yyyy-MM-dd}\n{root}";

    /// <summary>Whether the digest's root is the one its heads (format 1) or its head and proof (format 2) lead to.</summary>
    public bool RootMatches() => Format == MerkleFormat
        ? Heads.Count == 1 && Proof is not null && string.Equals(DigestTree.RootFromProof(Day, Heads[0], Proof), Root, StringComparison.Ordinal)
        : string.Equals(RootOf(Day, Heads), Root, StringComparison.Ordinal);
}

/// <summary>
/// The Merkle tree of a format-2 digest: leaves are the day's heads in stream id order, each hashed with the day;
/// a node hashes its two children; an odd node is carried up unchanged. A proof step is "L:" or "R:" and the sibling's hash.
/// </summary>
public static class DigestTree
{
    public static string Leaf(DateOnly day, DigestHead head) =>
        EventChain.Sha256Hex($"{SignedDigest.MerkleFormat} leaf\n{day:yyyy-MM-dd}\n{head.StreamId:D}:{head.Version.ToString(CultureInfo.InvariantCulture)}:{head.Hash}");

    public static string Node(string left, string right) => EventChain.Sha256Hex($"node\n{left}\n{right}");

    /// <summary>The root, and each head's proof, of a day's heads (ordered here by stream id).</summary>
    public static (string Root, IReadOnlyDictionary<Guid, IReadOnlyList<string>> Proofs) Build(DateOnly day, IEnumerable<DigestHead> heads)
    {
        var ordered = heads.OrderBy(h => h.StreamId).ToList();
        var proofs = ordered.ToDictionary(h => h.StreamId, _ => new List<string>());
        if (ordered.Count == 0)
        {
            return (EventChain.Sha256Hex($"{SignedDigest.MerkleFormat} empty\n{day:yyyy-MM-dd}"), proofs.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value));
        }

        // Each node remembers the leaves under it, so a sibling's hash is added to those leaves' proofs.
        var level = ordered.Select(h => (Hash: Leaf(day, h), Leaves: new List<Guid> { h.StreamId })).ToList();
        while (level.Count > 1)
        {
            var next = new List<(string Hash, List<Guid> Leaves)>((level.Count + 1) / 2);
            for (var i = 0; i < level.Count; i += 2)
            {
                if (i + 1 == level.Count)
                {
                    next.Add(level[i]);
                    continue;
                }

                var (left, right) = (level[i], level[i + 1]);
                left.Leaves.ForEach(id => proofs[id].Add("R:" + right.Hash));
                right.Leaves.ForEach(id => proofs[id].Add("L:" + left.Hash));
                next.Add((Node(left.Hash, right.Hash), [.. left.Leaves, .. right.Leaves]));
            }

            level = next;
        }

        return (level[0].Hash, proofs.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value));
    }

    public static string RootFromProof(DateOnly day, DigestHead head, IReadOnlyList<string> proof)
    {
        var hash = Leaf(day, head);
        foreach (var step in proof)
        {
            hash = step.StartsWith("L:", StringComparison.Ordinal) ? Node(step[2..], hash)
                : step.StartsWith("R:", StringComparison.Ordinal) ? Node(hash, step[2..])
                : "invalid proof step";
        }

        return hash;
    }
}

public sealed record DigestHead(Guid StreamId, long Version, string Hash);

/// <summary>The head of the exported stream at export time, signed: a trail cannot be cut short or re-hashed unnoticed.</summary>
public sealed record TrailSeal(Guid StreamId, long Version, string Hash, DateTimeOffset SealedAt, string KeyId, string Signature)
{
    public static string SignedText(Guid streamId, long version, string hash, DateTimeOffset sealedAt) =>
        $"pilerig-seal/1\n{streamId:D}\n{version.ToString(CultureInfo.InvariantCulture)}\n{hash}\n{EventChain.TimestampText(sealedAt)}";
}
