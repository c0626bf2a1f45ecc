using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PileRig.BuildingBlocks.Modules;
using PileRig.Modules.EquipmentRegistry.Features.Components;
using PileRig.Modules.EquipmentRegistry.Features.Labels;
using PileRig.Modules.EquipmentRegistry.Features.ListRigs;
using PileRig.Modules.EquipmentRegistry.Features.Oversight;
using PileRig.Modules.EquipmentRegistry.Features.PublicScan;
using PileRig.Modules.EquipmentRegistry.Features.RegisterRig;
using PileRig.Modules.EquipmentRegistry.Features.Supervision;
using PileRig.Modules.EquipmentRegistry.Infrastructure;

namespace PileRig.Modules.EquipmentRegistry;

/// <summary>EquipmentRegistry owns rigs, their components and their QR codes (一机一码).</summary>
public sealed class EquipmentRegistryModule : IModule
{
    public string Name => "EquipmentRegistry";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<QrOptions>(configuration.GetSection(QrOptions.Section));
        // Singleton built at start: a missing signing key stops the host instead of failing the first scan.
        services.AddSingleton<QrCodes>();
        services.AddScoped<ScannedCodes>();
        services.AddScoped<ComponentScans>();
        services.AddScoped<Features.LabelCopies.LabelCopyWatch>();
        services.AddSingleton<ScanAttemptRecorder>();
        services.AddHostedService(sp => sp.GetRequiredService<ScanAttemptRecorder>());
        services.AddScoped<Contracts.IRigUsageDirectory, RigUsageDirectory>();
        services.Configure<PublicPageOptions>(configuration.GetSection(PublicPageOptions.Section));
        services.Configure<Domain.SupervisionSettings>(configuration.GetSection(Domain.SupervisionSettings.Section));
        services.AddHostedService<RigTypeSeeder>();
        services.AddSingleton<ExpiryWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<ExpiryWatch>());
        services.AddValidatorsOf(typeof(EquipmentRegistryModule).Assembly);
    }

    public void ConfigureMarten(StoreOptions options) => EquipmentRegistryMarten.Configure(options);

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        RegisterRigEndpoint.Map(api);
        ComponentsEndpoint.Map(api);
        ListRigsEndpoint.Map(api);
        LabelsEndpoint.Map(api);
        OversightEndpoint.Map(api);
        VerificationsEndpoint.Map(api);
        ScanComponentsEndpoint.Map(api);
        RegisterUsageEndpoint.Map(api);
        FlagAndExitEndpoint.Map(api);
        UsageQueriesEndpoint.Map(api);
        SpotCheckEndpoint.Map(api);
        OversightDashboardEndpoint.Map(api);
        Features.LabelCopies.LabelCopiesEndpoint.Map(api);
        Features.Trail.RigTrailEndpoints.Map(api);
    }

    public void MapPublicEndpoints(IEndpointRouteBuilder app) => PublicScanEndpoint.Map(app);

    public IReadOnlyList<Type> MessageHandlers { get; } = [typeof(OwnerNamesConsumer)];
}
