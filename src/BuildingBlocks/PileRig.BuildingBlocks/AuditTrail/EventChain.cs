using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PileRig.BuildingBlocks.AuditTrail;

/// <summary>
/// One stored event exactly as the hash covers it: content and metadata, every value in the text form it is exported
/// in, so a verifier holding only an export computes the same bytes as the sealer that read the database.
/// </summary>
public sealed record ChainedEvent(
    Guid StreamId,
    long Version,
    long Sequence,
    Guid EventId,
    string Type,
    string Timestamp,
    string? CorrelationId,
    string? CausationId,
    JsonElement? Headers,
    JsonElement Data);

/// <summary>A link of a stream's hash chain: the event's hash and the one before it.</summary>
public sealed record ChainLink(long Version, string PreviousHash, string Hash);

/// <summary>Where and why a chain stops verifying.</summary>
public sealed record ChainBreak(long Version, Guid EventId, string Type, string Problem)
{
    public override string ToString() => $"version {Version} ({Type}, event {EventId}): {Problem}";
}

/// <summary>The hash chain itself: pure functions, used by the sealer, the server-side check and the offline verifier.</summary>
public static class EventChain
{
    /// <summary>The "previous hash" of a stream's first event.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string TimestampText(DateTimeOffset timestamp) =>
        timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static string Hash(string previousHash, ChainedEvent e)
    {
        // The preimage, one field per line. Field names and order are part of the format: changing them breaks every
        // chain ever sealed. Written as UTF-8 straight into one buffer and hashed there (a verifier checks 10⁵ events/s).
        var preimage = new ArrayBufferWriter<byte>(1024);
        Line(preimage, "pilerig-chain/1");
        Line(preimage, previousHash);
        Line(preimage, e.StreamId.ToString("D"));
        Line(preimage, e.Version.ToString(CultureInfo.InvariantCulture));
        Line(preimage, e.Sequence.ToString(CultureInfo.InvariantCulture));
        Line(preimage, e.EventId.ToString("D"));
        Line(preimage, e.Type);
        Line(preimage, e.Timestamp);
        Line(preimage, e.CorrelationId ?? "");
        Line(preimage, e.CausationId ?? "");
        if (e.Headers is { } headers)
        {
            CanonicalJson.WriteTo(preimage, headers);
        }
        else
        {
            Encoding.UTF8.GetBytes("null", preimage);
        }

        preimage.Write("\n"u8);
        CanonicalJson.WriteTo(preimage, e.Data);
        return Convert.ToHexStringLower(SHA256.HashData(preimage.WrittenSpan));
    }

    private static void Line(ArrayBufferWriter<byte> preimage, string value)
    {
        Encoding.UTF8.GetBytes(value, preimage);
        preimage.Write("\n"u8);
    }

    /// <summary>The global chain: each sealed event's hash folded onto the previous, in the order they were sealed.</summary>
    public static string GlobalHash(long position, string previousGlobal, string eventHash) =>
        Sha256Hex($"pilerig-global/1\n{position.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n{previousGlobal}\n{eventHash}");

    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// Recomputes the chain over <paramref name="events"/> (oldest first) against the hashes recorded when each was
    /// sealed, and names the first event whose content, order or link does not match.
    /// </summary>
    public static ChainBreak? FindFirstBreak(IReadOnlyList<(ChainedEvent Event, ChainLink? Recorded)> events)
    {
        var previous = Genesis;
        long expectedVersion = 1;
        foreach (var (e, recorded) in events)
        {
            if (e.Version != expectedVersion)
            {
                return new ChainBreak(e.Version, e.EventId, e.Type, $"expected version {expectedVersion}: an event is missing or out of order");
            }

            if (recorded is null)
            {
                return new ChainBreak(e.Version, e.EventId, e.Type, "no recorded hash: the event was never sealed");
            }

            if (!string.Equals(recorded.PreviousHash, previous, StringComparison.Ordinal))
            {
                return new ChainBreak(e.Version, e.EventId, e.Type, "its link to the previous event does not match");
            }

            var recomputed = Hash(previous, e);
            if (!string.Equals(recomputed, recorded.Hash, StringComparison.Ordinal))
            {
                return new ChainBreak(e.Version, e.EventId, e.Type,
                    $"content or metadata changed since it was sealed (recorded {recorded.Hash[..16]}…, recomputed {recomputed[..16]}…)");
            }

            previous = recorded.Hash;
            expectedVersion++;
        }

        return null;
    }
}
