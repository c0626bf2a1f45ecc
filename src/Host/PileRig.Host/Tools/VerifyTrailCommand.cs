using PileRig.BuildingBlocks.AuditTrail;

namespace PileRig.Host.Tools;

/// <summary>
/// <c>dotnet PileRig.Host.dll verify-trail trail.json [--public-key audit-public-key.pem]</c>: recomputes an exported
/// trail's hashes and checks its signatures with nothing but the file and the platform's public key.
/// Exit code 0 when it verifies, 1 when it does not, 2 on bad usage.
/// </summary>
public static class VerifyTrailCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        var file = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        var keyIndex = Array.IndexOf(args, "--public-key");
        var keyFile = keyIndex >= 0 && keyIndex + 1 < args.Length ? args[keyIndex + 1] : null;
        if (file is null || (keyIndex >= 0 && keyFile is null))
        {
            output.WriteLine("usage: verify-trail <trail.json> [--public-key <audit-public-key.pem>]");
            return 2;
        }

        TrailDocument trail;
        try
        {
            trail = TrailRendering.FromJson(File.ReadAllText(file));
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            output.WriteLine($"INVALID: cannot read {file}: {e.Message}");
            return 1;
        }

        var result = TrailVerifier.Verify(trail, keyFile is null ? null : File.ReadAllText(keyFile));
        foreach (var finding in result.Findings)
        {
            output.WriteLine(finding);
        }

        if (result.Valid)
        {
            output.WriteLine($"VALID: {trail.Subject} ({trail.StreamId}), {trail.Events.Count} events, head {trail.Seal.Hash}, sealed {EventChain.TimestampText(trail.Seal.SealedAt)}");
            return 0;
        }

        output.WriteLine(result.FirstBreak is { } broken
            ? $"INVALID: first broken event: {broken}"
            : "INVALID: the signatures do not verify");
        return 1;
    }
}
