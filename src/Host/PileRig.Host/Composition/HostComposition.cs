using PileRig.BuildingBlocks.AuditTrail;
using Mediator;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Localization;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.Errors;
using PileRig.BuildingBlocks.Files;
using PileRig.BuildingBlocks.Http;
using PileRig.BuildingBlocks.Mediation;
using PileRig.BuildingBlocks.Modules;
using PileRig.Host.Security;
using PileRig.Modules.Enterprises;
using PileRig.Modules.EquipmentRegistry;
using PileRig.Modules.Personnel;
using PileRig.Modules.Projects;
using Scalar.AspNetCore;

namespace PileRig.Host.Composition;

public static class HostComposition
{
    public static void AddPileRig(this WebApplicationBuilder builder, IReadOnlyList<IModule> modules)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        // Captive dependencies (a scoped session inside a singleton) fail at start in Development, where every test host
        // runs, so none can reach production; there the walk over every registration would only cost start-up time.
        var validate = builder.Environment.IsDevelopment() || builder.Configuration.GetValue("PileRig:ValidateServices", false);
        builder.Host.UseDefaultServiceProvider(o =>
        {
            o.ValidateScopes = validate;
            o.ValidateOnBuild = validate;
        });
        // Seeders and background loops start side by side, not one after another — once the schema is the deploy's job
        // (ADR 0017). Where the host applies schema changes itself (Development, the tests), Marten's apply must finish
        // before a seeder's first query, or that query's own on-demand DDL races it ("relation … already exists").
        var schemaAppliedAtStart = PersistenceComposition.AppliesSchemaAtStart(builder);
        builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = !schemaAppliedAtStart);
        // One JSON object per line, each with its UTC time; Chinese written as Chinese, not as \u escapes.
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        });

        services.AddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddScoped<RequestContext>();
        services.AddHttpContextAccessor();

        builder.AddPersistence(modules);
        builder.AddSecurity();
        AddApi(services);
        AddMediator(services);
        AddFiles(services, configuration, builder.Environment);

        foreach (var module in modules)
        {
            module.AddServices(services, configuration);
        }
    }

    public static void UsePileRig(this WebApplication app, IReadOnlyList<IModule> modules)
    {
        // The client's address from a configured reverse proxy, before anything (limiter, audit) reads it.
        if (SecurityComposition.TrustsProxies(app.Configuration))
        {
            app.UseForwardedHeaders();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        // Localization first: the culture must already be set when the exception handler writes a problem.
        app.UseRequestLocalization();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<InputHygieneMiddleware>();
        app.UseAuthentication();
        // After authentication: the code-lookup limit is per account (the others are per address).
        app.UseRateLimiter();
        app.UseMiddleware<ActorResolutionMiddleware>();
        app.UseMiddleware<AntiforgeryCheckMiddleware>();
        app.UseAuthorization();
        app.UseMiddleware<IdempotencyMiddleware>();

        app.MapOpenApi("/openapi/{documentName}.json");
        // Scalar's default fonts come from its CDN, which the CSP (and many site networks) refuse: system fonts instead.
        app.MapScalarApiReference("/docs", o => o.WithTitle("PileRig API").WithOpenApiRoutePattern("/openapi/{documentName}.json").DisableDefaultFonts());
        // Live: the process answers (a restart is the cure otherwise). Ready: PostgreSQL answers (else 503: take the node
        // out of rotation), with the sealer's lag, dead letters and the message backlog reported (degraded, still 200).
        // All checks run inline (projections are inline snapshots: there is no projection lag to report).
        app.MapHealthChecks("/health/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
            {
                Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync,
            })
            .AllowAnonymous();
        foreach (var path in new[] { "/health/ready", "/health" })
        {
            app.MapHealthChecks(path, new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync })
                .AllowAnonymous();
        }
        app.UseWebClient();

        var api = app.MapGroup("/api/v1");
        api.MapAuditTrailEndpoints();
        SecurityEndpoints.Map(api);
        FileEndpoints.Map(api);
        foreach (var module in modules)
        {
            module.MapEndpoints(api);
            module.MapPublicEndpoints(app);
        }
    }

    private static void AddApi(IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier));
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        // Unreadable JSON and missing bodies go through the one exception handler instead of an empty 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => ApiJson.Configure(o.SerializerOptions));
        services.AddRequestLocalization(o =>
        {
            string[] cultures = ["zh-CN", "en"];
            o.SetDefaultCulture("zh-CN").AddSupportedCultures(cultures).AddSupportedUICultures(cultures);
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        services.AddPileRigOpenApi();
        services.AddWebClient();
        services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgresql")
            .AddCheck<PileRig.BuildingBlocks.AuditTrail.SealingHealthCheck>("auditSealing")
            .AddCheck<MessagingHealthCheck>("messaging");
    }

    private static void AddMediator(IServiceCollection services)
    {
        // One error per field: the first rule a value breaks (a missing value is "required", not also "bad format").
        FluentValidation.ValidatorOptions.Global.DefaultRuleLevelCascadeMode = FluentValidation.CascadeMode.Stop;
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies =
            [
                typeof(UploadFile), typeof(PersonnelModule), typeof(EnterprisesModule), typeof(ProjectsModule),
                typeof(EquipmentRegistryModule),
            ];
            options.PipelineBehaviors = [typeof(IdempotencyBehaviour<,>), typeof(ValidationBehaviour<,>), typeof(UnitOfWorkBehaviour<,>)];
        });
        services.AddScoped<IIntegrationEventPublisher, OutboxIntegrationEventPublisher>();
        services.AddScoped<LostRaceAnswer>();
        services.AddOptions<IdempotencyOptions>().BindConfiguration(IdempotencyOptions.Section);
        services.AddSingleton<IdempotencySweep>();
        services.AddHostedService(sp => sp.GetRequiredService<IdempotencySweep>());
    }

    private static void AddFiles(IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.Configure<FileStoreOptions>(configuration.GetSection(FileStoreOptions.Section));
        services.AddSingleton<IFileStore>(sp =>
        {
            var root = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<FileStoreOptions>>().Value.Root;
            return new LocalDiskFileStore(Path.IsPathRooted(root) ? root : Path.Combine(environment.ContentRootPath, root));
        });
    }
}
