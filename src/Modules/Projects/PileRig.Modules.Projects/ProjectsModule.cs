using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PileRig.BuildingBlocks.Modules;
using PileRig.Modules.Projects.Contracts;
using PileRig.Modules.Projects.Features.ChangeProjectEngineers;
using PileRig.Modules.Projects.Features.CompleteProject;
using PileRig.Modules.Projects.Features.EditProject;
using PileRig.Modules.Projects.Features.Jurisdictions;
using PileRig.Modules.Projects.Features.ListProjects;
using PileRig.Modules.Projects.Features.RegisterProject;
using PileRig.Modules.Projects.Infrastructure;

namespace PileRig.Modules.Projects;

/// <summary>Projects owns 工程 and the jurisdictions (工程属地) they belong to.</summary>
public sealed class ProjectsModule : IModule
{
    public string Name => "Projects";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddHostedService<JurisdictionSeeder>();
        services.AddScoped<IJurisdictionDirectory, JurisdictionDirectory>();
        services.AddScoped<IProjectDirectory, ProjectDirectory>();
        services.AddValidatorsOf(typeof(ProjectsModule).Assembly);
    }

    public void ConfigureMarten(StoreOptions options) => ProjectsMarten.Configure(options);

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        JurisdictionsEndpoint.Map(api);
        RegisterProjectEndpoint.Map(api);
        EditProjectEndpoint.Map(api);
        ChangeProjectEngineersEndpoint.Map(api);
        CompleteProjectEndpoint.Map(api);
        Features.Trail.ProjectTrailEndpoints.Map(api);
        ListProjectsEndpoint.Map(api);
    }

    public IReadOnlyList<Type> MessageHandlers { get; } = [];
}
