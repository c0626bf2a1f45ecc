using System.Reflection;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PileRig.BuildingBlocks.Modules;

/// <summary>
/// What a module hands the host: its services, its part of the one Marten store, its HTTP endpoints and its Wolverine
/// message handlers. The host lists modules; it knows nothing else about them.
/// </summary>
public interface IModule
{
    string Name { get; }

    void AddServices(IServiceCollection services, IConfiguration configuration);

    void ConfigureMarten(StoreOptions options);

    void MapEndpoints(IEndpointRouteBuilder api);

    /// <summary>Pages outside <c>/api/v1</c> (the public QR page); most modules have none.</summary>
    void MapPublicEndpoints(IEndpointRouteBuilder app)
    {
    }

    /// <summary>Wolverine handlers (integration-event consumers) to register; Wolverine's own naming-convention
    /// discovery is off so that mediator handlers are never adopted as message handlers.</summary>
    IReadOnlyList<Type> MessageHandlers { get; }
}

public static class ModuleServiceCollectionExtensions
{
    /// <summary>Registers every FluentValidation validator the assembly declares (Scrutor scan).</summary>
    public static IServiceCollection AddValidatorsOf(this IServiceCollection services, Assembly assembly) =>
        services.Scan(scan => scan.FromAssemblies(assembly)
            .AddClasses(classes => classes.AssignableTo(typeof(IValidator<>)), publicOnly: false)
            .AsImplementedInterfaces()
            .WithScopedLifetime());
}
