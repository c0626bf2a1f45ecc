using Marten;
using PileRig.Modules.Projects.Contracts;
using PileRig.Modules.Projects.Domain;

namespace PileRig.Modules.Projects.Infrastructure;

public sealed class ProjectDirectory(IQuerySession session) : IProjectDirectory
{
    public async Task<ProjectSummary?> FindAsync(Guid projectId, CancellationToken cancellationToken)
    {
        var project = await session.LoadAsync<Project>(projectId, cancellationToken);
        return project is null
            ? null
            : new ProjectSummary(project.Id, project.FirmId, project.Details.Name, project.JurisdictionCode, project.EngineerIds,
                project.Status == ProjectStatus.Active);
    }
}
