using System.Diagnostics;
using Shouldly;
using Xunit;

namespace PileRig.Architecture.Tests;

/// <summary>
/// Wolverine's handler code is generated ahead of time and committed (ADR 0005): the host loads it instead of compiling
/// at start. A handler changed without regenerating would be silently wrong, so this generates it again, from the host
/// as built, into a scratch folder and compares: any difference fails, naming the files (scripts/codegen regenerates).
/// </summary>
public sealed class GeneratedCodeTests
{
    [Fact]
    public async Task The_committed_generated_handler_code_is_what_the_handlers_generate_now()
    {
        var scratch = Directory.CreateTempSubdirectory("pilerig-codegen-");
        try
        {
            // The host's own build output (its dependencies, not this test's), of the configuration this test was built in.
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            var host = Path.Combine(RepositoryRoot(), "src", "Host", "PileRig.Host", "bin", configuration, "net10.0", "PileRig.Host.dll");
            var start = new ProcessStartInfo("dotnet", [host, "codegen", "write"])
            {
                WorkingDirectory = scratch.FullName,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            // Configuration the host insists on at start; code generation never connects.
            start.Environment["ConnectionStrings__PileRig"] = "Host=127.0.0.1;Database=codegen";
            start.Environment["PileRig__Qr__CurrentKeyId"] = "1";
            start.Environment["PileRig__Qr__Keys__1"] = Convert.ToBase64String(new byte[32]);
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            process.ExitCode.ShouldBe(0, output);

            var fresh = Files(Path.Combine(scratch.FullName, "Internal", "Generated"));
            var committed = Files(Path.Combine(RepositoryRoot(), "src", "Host", "PileRig.Host", "Internal", "Generated"));
            fresh.Keys.ShouldNotBeEmpty();
            var differing = fresh.Keys.Union(committed.Keys)
                .Where(name => fresh.GetValueOrDefault(name) != committed.GetValueOrDefault(name)).Order().ToList();
            differing.ShouldBeEmpty("the committed generated code is stale: run scripts/codegen and commit src/Host/PileRig.Host/Internal/Generated");
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static Dictionary<string, string> Files(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(folder, f), f => File.ReadAllText(f).ReplaceLineEndings())
            : [];

    private static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "PileRig.sln")))
        {
            root = root.Parent!;
        }

        return root.FullName;
    }
}
