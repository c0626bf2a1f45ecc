using System.Text.Json;
using PileRig.BuildingBlocks.AuditTrail;
using Shouldly;
using Xunit;

namespace PileRig.Modules.EquipmentRegistry.Tests;

/// <summary>
/// The hash format is forever: chains sealed by every earlier build must still verify. These hashes were computed by the
/// first implementation (string preimage, LINQ-sorted keys); any change to the canonical JSON or the preimage — key
/// order, number spelling, escaping, separators — changes them and fails here before it breaks a stored chain.
/// </summary>
public sealed class ChainFormatTests
{
    private static readonly Guid Stream = Guid.Parse("3f1c3f1c-0000-4000-8000-000000000001");

    [Theory]
    [InlineData(0, """{"b":1,"a":"x","ä":"ü","A":[1,2.50,1.25E1,-0,0,-17,123456789012345678901234567890,1e400,0.1,3.0]}""",
        "a7bd93ae483e93771189fa495b1ecd9bd803bd95719ef32e26ae780eace1f6dd")]
    [InlineData(1, """{"zeta":{"y":null,"x":true,"w":false},"émoji":"🚧 桩工机械 \u0007 \"q\" <tag> & ' ","n":-0.0,"big":18446744073709551616,"neg":-12.340}""",
        "fc9b532ddbb96b350365f5636787f962301d995a916085e5cc31543dddc2d569")]
    [InlineData(2, """{"rigId":"3f1c","at":"2025-01-01T00:00:00+00:00","installedHeightMetres":28.5,"list":[],"obj":{}}""",
        "bc16edc15bd55e0576e418968db7474612153481dcbb2fca0dd334546cd390b1")]
    [InlineData(3, """{"aa":1,"a":2,"b":{"ba":[{"z":1,"y":2}],"b":"\u00e9"}}""",
        "a1ec529e5e4cc988aa0c58213b627d3533ad14532352893e84b61a0c98c62218")]
    public void An_events_hash_is_the_one_earlier_builds_sealed(int i, string data, string sealedHash)
    {
        JsonElement? headers = i % 2 == 0 ? JsonDocument.Parse("""{"username":"王工","role":"engineer"}""").RootElement : null;
        var e = new ChainedEvent(Stream, i + 1, 100 + i, Stream, "t", "2025-01-01T00:00:00.000000Z", i == 1 ? "c" : null, null, headers,
            JsonDocument.Parse(data).RootElement);

        EventChain.Hash("abc", e).ShouldBe(sealedHash);
    }

    [Fact]
    public void Canonical_json_sorts_keys_ordinally_and_spells_each_number_one_way()
    {
        CanonicalJson.Canonicalize("""{"b":{"d":1,"c":[2.50,1.25E1,-0]},"a":"é"}""").ShouldBe("""{"a":"é","b":{"c":[2.5,12.5,0],"d":1}}""");
    }
}
