using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PileRig.BuildingBlocks.Modules;

namespace PileRig.Modules.EquipmentRegistry;

/// <summary>A shell until its issue lands: registered with the host so the module boundary is tested from day one.</summary>
public sealed class EquipmentRegistryModule : IModule
{
    public string Name => "EquipmentRegistry";

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddValidatorsOf(typeof(EquipmentRegistryModule).Assembly);

    public void ConfigureMarten(StoreOptions options)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
    }

    public IReadOnlyList<Type> MessageHandlers { get; } = [];
}
