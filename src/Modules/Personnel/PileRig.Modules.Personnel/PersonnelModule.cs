using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PileRig.BuildingBlocks.Modules;
using PileRig.Modules.Personnel.Contracts;
using PileRig.Modules.Personnel.Domain;
using PileRig.Modules.Personnel.Features.ChangeEngineerStatus;
using PileRig.Modules.Personnel.Features.ChangePassword;
using PileRig.Modules.Personnel.Features.CreateEngineer;
using PileRig.Modules.Personnel.Features.CreateRegulator;
using PileRig.Modules.Personnel.Features.GetAccountHistory;
using PileRig.Modules.Personnel.Features.GetMe;
using PileRig.Modules.Personnel.Features.ListEngineers;
using PileRig.Modules.Personnel.Features.LogIn;
using PileRig.Modules.Personnel.Features.Notifications;
using PileRig.Modules.Personnel.Features.RegisterEnterpriseAccount;
using PileRig.Modules.Personnel.Features.ResetEngineerPassword;
using PileRig.Modules.Personnel.Infrastructure;

namespace PileRig.Modules.Personnel;

/// <summary>Personnel owns every login: enterprise accounts, engineers, regulators and the admin (ADR 0004).</summary>
public sealed class PersonnelModule : IModule
{
    public string Name => "Personnel";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<Passwords>();
        services.AddScoped<IAccountLookup, AccountLookup>();
        services.Configure<LoginPolicy>(configuration.GetSection(LoginPolicy.Section));
        services.Configure<AdminOptions>(configuration.GetSection(AdminOptions.Section));
        services.AddHostedService<AdminBootstrapper>();
        services.AddHostedService<EndedSessionSweeper>();
        // The default outbound channel writes to the log; an SMS or WeChat adapter replaces this registration.
        services.AddSingleton<INotificationChannel, LogNotificationChannel>();
        services.AddValidatorsOf(typeof(PersonnelModule).Assembly);
    }

    public void ConfigureMarten(StoreOptions options) => PersonnelMarten.Configure(options);

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        RegisterEnterpriseAccountEndpoint.Map(api);
        LogInEndpoint.Map(api);
        Features.LogOut.LogOutEndpoint.Map(api);
        ChangePasswordEndpoint.Map(api);
        GetMeEndpoint.Map(api);
        CreateEngineerEndpoint.Map(api);
        ListEngineersEndpoint.Map(api);
        ChangeEngineerStatusEndpoint.Map(api);
        ResetEngineerPasswordEndpoint.Map(api);
        CreateRegulatorEndpoint.Map(api);
        GetAccountHistoryEndpoint.Map(api);
        NotificationsEndpoint.Map(api);
    }

    public IReadOnlyList<Type> MessageHandlers { get; } = [typeof(EnterpriseProfileChangedConsumer), typeof(RigNoticeConsumer), typeof(OutboundNotificationSender)];
}
