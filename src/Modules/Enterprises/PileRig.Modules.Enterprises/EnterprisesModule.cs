using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PileRig.BuildingBlocks.Modules;
using PileRig.Modules.Enterprises.Contracts;
using PileRig.Modules.Enterprises.Features.GetEnterpriseHistory;
using PileRig.Modules.Enterprises.Features.GetMyEnterprise;
using PileRig.Modules.Enterprises.Features.ListEnterprises;
using PileRig.Modules.Enterprises.Features.SubmitProfile;
using PileRig.Modules.Enterprises.Infrastructure;

namespace PileRig.Modules.Enterprises;

/// <summary>Enterprises owns the organisations: kind, profile, credit code and documents (ADR 0004).</summary>
public sealed class EnterprisesModule : IModule
{
    public string Name => "Enterprises";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<CompletedProfiles>();
        services.AddScoped<IEnterpriseProfileLookup, EnterpriseProfileLookup>();
        services.AddValidatorsOf(typeof(EnterprisesModule).Assembly);
    }

    public void ConfigureMarten(StoreOptions options) => EnterprisesMarten.Configure(options);

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        SubmitProfileEndpoint.Map(api);
        GetMyEnterpriseEndpoint.Map(api);
        GetEnterpriseHistoryEndpoint.Map(api);
        ListEnterprisesEndpoint.Map(api);
    }

    public IReadOnlyList<Type> MessageHandlers { get; } = [];
}
