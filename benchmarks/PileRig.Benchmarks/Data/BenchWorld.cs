using Marten;
using PileRig.BuildingBlocks.Files;
using PileRig.Modules.Tests.Fixture;
using PileRig.SharedKernel.Values;

namespace PileRig.Benchmarks.Data;

/// <summary>A project on site: its firm, its engineer (signed in) and where it is.</summary>
public sealed record Site(ApiClient Engineer, Guid EngineerAccountId, Guid FirmId, Guid ProjectId, string ProjectName, string JurisdictionCode);

/// <summary>
/// The people the benchmarks act as, made the way users make them (through the API): rig owners, supervision firms with
/// an engineer on a project each, a regulator of the projects' jurisdiction. The bulk data hangs off them.
/// </summary>
public sealed record BenchWorld(IReadOnlyList<EnterpriseUser> Owners, IReadOnlyList<Site> Sites, ApiClient Regulator, StoredFileRef Pdf,
    StoredFileRef Photo)
{
    public static async Task<BenchWorld> CreateAsync(IHostUnderTest host, IDocumentStore store, int sites)
    {
        var owners = new List<EnterpriseUser>();
        for (var i = 0; i < 4; i++)
        {
            owners.Add(await host.NewOwnerAsync());
        }

        var list = new List<Site>();
        for (var i = 0; i < sites; i++)
        {
            var s = await SupervisionScenario.CreateAsync(host, owner: owners[i % owners.Count]);
            list.Add(new Site(s.Engineer, s.EngineerAccount.AccountId, s.Firm.EnterpriseId, s.ProjectId, s.ProjectName, ProjectScenarios.Jurisdiction));
        }

        var regulator = await host.NewRegulatorAsync(ProjectScenarios.Jurisdiction);
        await using var session = store.QuerySession();
        var pdf = await session.LoadAsync<UploadedFile>(await list[0].Engineer.UploadPdfAsync());
        var photoId = (await (await list[0].Engineer.UploadAsync(TestFiles.Jpeg, "site.jpg")).JsonAsync()).Id("id");
        var photo = await session.LoadAsync<UploadedFile>(photoId);
        return new BenchWorld(owners, list, regulator, pdf!.ToRef(), photo!.ToRef());
    }
}
