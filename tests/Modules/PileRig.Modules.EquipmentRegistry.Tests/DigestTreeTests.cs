using PileRig.BuildingBlocks.AuditTrail;
using Shouldly;
using Xunit;

namespace PileRig.Modules.EquipmentRegistry.Tests;

/// <summary>
/// A daily digest (format 2) signs a Merkle root over the day's chain heads; a trail carries only its stream's head and
/// the path to the root. The path must prove exactly that head: any other version, hash, day or path fails.
/// </summary>
public sealed class DigestTreeTests
{
    private static readonly DateOnly Day = new(2026, 11, 30);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(1000)]
    public void Every_heads_proof_leads_to_the_root_and_is_no_longer_than_the_trees_height(int streams)
    {
        var heads = Heads(streams);
        var (root, proofs) = DigestTree.Build(Day, heads);

        foreach (var head in heads)
        {
            var proof = proofs[head.StreamId];
            DigestTree.RootFromProof(Day, head, proof).ShouldBe(root);
            proof.Count.ShouldBeLessThanOrEqualTo((int)Math.Ceiling(Math.Log2(streams)));
        }
    }

    [Fact]
    public void A_changed_head_day_or_path_does_not_lead_to_the_root()
    {
        var heads = Heads(9);
        var (root, proofs) = DigestTree.Build(Day, heads);
        var head = heads[4];
        var proof = proofs[head.StreamId];

        DigestTree.RootFromProof(Day, head with { Version = head.Version + 1 }, proof).ShouldNotBe(root);
        DigestTree.RootFromProof(Day, head with { Hash = new string('0', 64) }, proof).ShouldNotBe(root);
        DigestTree.RootFromProof(Day.AddDays(1), head, proof).ShouldNotBe(root);
        DigestTree.RootFromProof(Day, head, proof.Skip(1).ToList()).ShouldNotBe(root);
        DigestTree.RootFromProof(Day, head, proof.Select(p => p.StartsWith('L') ? "R" + p[1..] : "L" + p[1..]).ToList()).ShouldNotBe(root);
        // Another stream's proof does not prove this head.
        DigestTree.RootFromProof(Day, head, proofs[heads[5].StreamId]).ShouldNotBe(root);
    }

    [Fact]
    public void A_digest_checks_its_root_by_its_own_format()
    {
        var heads = Heads(5);
        var (root, proofs) = DigestTree.Build(Day, heads);
        var merkle = new SignedDigest(Day, DateTimeOffset.UnixEpoch, [heads[2]], root, "k", "s")
        {
            Format = SignedDigest.MerkleFormat, Proof = proofs[heads[2].StreamId],
        };
        merkle.RootMatches().ShouldBeTrue();
        (merkle with { Heads = [heads[3]] }).RootMatches().ShouldBeFalse();
        (merkle with { Proof = null }).RootMatches().ShouldBeFalse();

        // Digests sealed before the Merkle format carry every head and still verify as they did.
        var flat = new SignedDigest(Day, DateTimeOffset.UnixEpoch, heads, SignedDigest.RootOf(Day, heads), "k", "s");
        flat.Format.ShouldBe(SignedDigest.FlatFormat);
        flat.RootMatches().ShouldBeTrue();
        (flat with { Heads = heads.Skip(1).ToList() }).RootMatches().ShouldBeFalse();
    }

    private static List<DigestHead> Heads(int count) =>
        Enumerable.Range(0, count)
            .Select(i => new DigestHead(Guid.CreateVersion7(), i + 1, EventChain.Sha256Hex($"head {i}")))
            .ToList();
}
