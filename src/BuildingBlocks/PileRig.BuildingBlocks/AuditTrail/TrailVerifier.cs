namespace PileRig.BuildingBlocks.AuditTrail;

/// <summary>What the verifier concluded, with the first broken event when there is one.</summary>
public sealed record TrailVerification(bool Valid, ChainBreak? FirstBreak, IReadOnlyList<string> Findings, bool KeyTrusted);

/// <summary>
/// Checks an exported trail with nothing but the file (and, ideally, the platform's published public key): recomputes
/// every event's hash, follows the links, and checks the export seal and each daily digest's signature and root.
/// </summary>
public static class TrailVerifier
{
    public static TrailVerification Verify(TrailDocument trail, string? trustedPublicKeyPem = null)
    {
        var findings = new List<string>();
        var keyTrusted = trustedPublicKeyPem is not null;
        VerificationKey key;
        try
        {
            key = VerificationKey.Open(trustedPublicKeyPem ?? trail.PublicKeyPem);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            findings.Add("The public key cannot be read.");
            return new TrailVerification(false, null, findings, keyTrusted);
        }

        using var _ = key;
        if (!keyTrusted)
        {
            findings.Add("No public key given: checking signatures with the key inside the file, which proves integrity but not origin.");
        }
        else if (!string.Equals(key.KeyId, trail.Seal.KeyId, StringComparison.Ordinal))
        {
            findings.Add("The trail was sealed with a different key than the one given.");
        }

        if (!TrailDocument.ReadableFormats.Contains(trail.Format))
        {
            findings.Add($"Unknown format '{trail.Format}'.");
            return new TrailVerification(false, null, findings, keyTrusted);
        }

        var chainBreak = EventChain.FindFirstBreak(trail.Events
            .Select(e => (e.ToChained(trail.StreamId), (ChainLink?)new ChainLink(e.Version, e.PreviousHash, e.Hash)))
            .ToList());
        if (chainBreak is not null)
        {
            findings.Add($"Chain broken at {chainBreak}.");
        }

        var seal = trail.Seal;
        var last = trail.Events.Count == 0 ? null : trail.Events[^1];
        if (!key.Verify(TrailSeal.SignedText(seal.StreamId, seal.Version, seal.Hash, seal.SealedAt), seal.Signature))
        {
            findings.Add("The export seal's signature does not verify.");
        }
        else if (seal.StreamId != trail.StreamId || last is null || seal.Version != last.Version || !string.Equals(seal.Hash, last.Hash, StringComparison.Ordinal))
        {
            findings.Add($"The export seal names version {seal.Version} but the trail ends at version {last?.Version ?? 0}: events were added, removed or re-hashed.");
        }

        foreach (var digest in trail.Digests)
        {
            if (!digest.RootMatches() || !key.Verify(SignedDigest.SignedText(digest.Format, digest.Day, digest.Root), digest.Signature))
            {
                findings.Add($"The digest of {digest.Day:yyyy-MM-dd} does not verify.");
                continue;
            }

            foreach (var head in digest.Heads.Where(h => h.StreamId == trail.StreamId))
            {
                var sealedEvent = trail.Events.FirstOrDefault(e => e.Version == head.Version);
                if (sealedEvent is null || !string.Equals(sealedEvent.Hash, head.Hash, StringComparison.Ordinal))
                {
                    findings.Add($"The digest of {digest.Day:yyyy-MM-dd} sealed version {head.Version} with a different hash: the trail was rewritten after that day.");
                    chainBreak ??= sealedEvent is null
                        ? new ChainBreak(head.Version, Guid.Empty, "?", "missing from the trail")
                        : new ChainBreak(sealedEvent.Version, sealedEvent.EventId, sealedEvent.Type, "differs from the signed daily digest");
                }
            }
        }

        if (trail.MissingSealedVersions.Count > 0)
        {
            findings.Add($"Events sealed at version(s) {string.Join(", ", trail.MissingSealedVersions)} are missing from the store: deleted after they were sealed.");
            chainBreak ??= new ChainBreak(trail.MissingSealedVersions[0], Guid.Empty, "?", "deleted after it was sealed");
        }

        var valid = chainBreak is null && findings.TrueForAll(f => f.StartsWith("No public key", StringComparison.Ordinal));
        if (trail.NotYetSealed > 0)
        {
            // Not a fault: the sealer links new events within seconds. What is here verifies; the rest comes next time.
            findings.Add($"{trail.NotYetSealed} newer event(s) were not sealed yet when this was exported; export again to include them.");
        }
        return new TrailVerification(valid, chainBreak, findings, keyTrusted);
    }
}
