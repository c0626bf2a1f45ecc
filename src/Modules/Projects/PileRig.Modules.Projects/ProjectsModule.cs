using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PileRig.BuildingBlocks.Modules;

namespace PileRig.Modules.Projects;

/// <summary>A shell until its issue lands: registered with the host so the module boundary is tested from day one.</summary>
public sealed class ProjectsModule : IModule
{
    public string Name => "Projects";

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddValidatorsOf(typeof(ProjectsModule).Assembly);

    public void ConfigureMarten(StoreOptions options)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
    }

    public IReadOnlyList<Type> MessageHandlers { get; } = [];
}
