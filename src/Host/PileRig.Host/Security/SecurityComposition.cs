using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using PileRig.BuildingBlocks.Errors;
using PileRig.BuildingBlocks.Http;
using PileRig.SharedKernel.Identity;
using PileRig.SharedKernel.Rules;

namespace PileRig.Host.Security;

public sealed class SecurityOptions
{
    public const string Section = "PileRig:Security";

    /// <summary>Login and sign-up attempts allowed per client address per minute.</summary>
    public int LoginAttemptsPerAddressPerMinute { get; set; } = 20;

    /// <summary>Code lookups (<c>GET /api/v1/codes/…</c>) allowed per signed-in account per minute.</summary>
    public int CodeLookupsPerAccountPerMinute { get; set; } = 120;

    /// <summary>Public QR page views allowed per client address per minute.</summary>
    public int PublicScansPerAddressPerMinute { get; set; } = 60;

    /// <summary>Send the auth cookie only over HTTPS. Off by default so http://127.0.0.1 works; turn on behind TLS.</summary>
    public bool RequireHttpsCookies { get; set; }

    /// <summary>Where the audit signing key is created when none is configured; relative to the content root. (The Data
    /// Protection key ring is in PostgreSQL.)</summary>
    public string KeysFolder { get; set; } = ".data/keys";

    public int SessionHours { get; set; } = 12;

    /// <summary>
    /// Addresses of the reverse proxies (nginx …) whose X-Forwarded-For / X-Forwarded-Proto are believed. Empty (the
    /// default): the headers are ignored and the connection's address is the client's — no client can forge it.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];
}

/// <summary>Cookie (browser) and bearer token (API clients), chosen per request; policies that read the resolved actor.</summary>
public static class SecurityComposition
{
    public static void AddSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        services.AddDataProtection().SetApplicationName("PileRig");
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<Marten.IDocumentStore>((o, store) => o.XmlRepository = new DataProtectionKeyRing(store));

        if (options.TrustedProxies.Length > 0)
        {
            services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(o =>
            {
                o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
                o.KnownProxies.Clear();
                o.KnownIPNetworks.Clear();
                foreach (var proxy in options.TrustedProxies)
                {
                    o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
                }
            });
        }

        services.AddAuthentication(AuthConstants.SelectorScheme)
            .AddPolicyScheme(AuthConstants.SelectorScheme, "Cookie or bearer", o => o.ForwardDefaultSelector = context =>
                IsBearerRequest(context) ? AuthConstants.BearerScheme : AuthConstants.CookieScheme)
            .AddCookie(AuthConstants.CookieScheme, o =>
            {
                o.Cookie.Name = "pilerig.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = options.RequireHttpsCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(options.SessionHours);
                o.SlidingExpiration = true;
                // An API answers 401/403; it never redirects to a login page.
                o.Events = new CookieAuthenticationEvents
                {
                    OnRedirectToLogin = c => SetStatus(c.Response, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = c => SetStatus(c.Response, StatusCodes.Status403Forbidden),
                };
            })
            .AddBearerToken(AuthConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(options.SessionHours));

        services.AddAuthorization(o =>
        {
            o.AddPolicy(Policies.SignedIn, p => p.AddRequirements(new ActorRequirement(mustBeReady: false)));
            o.AddPolicy(Policies.Ready, p => p.AddRequirements(new ActorRequirement(mustBeReady: true)));
            o.AddPolicy(Policies.SupervisionFirm, p => p.AddRequirements(new ActorRequirement(true, Roles.SupervisionFirm)));
            o.AddPolicy(Policies.RigOwner, p => p.AddRequirements(new ActorRequirement(true, Roles.RigOwner)));
            o.AddPolicy(Policies.EnterpriseAccount, p => p.AddRequirements(new ActorRequirement(true, Roles.SupervisionFirm, Roles.RigOwner)));
            o.AddPolicy(Policies.Admin, p => p.AddRequirements(new ActorRequirement(true, Roles.Admin)));
            o.AddPolicy(Policies.Regulator, p => p.AddRequirements(new ActorRequirement(true, Roles.Regulator)));
            o.AddPolicy(Policies.FlagRaisers, p => p.AddRequirements(new ActorRequirement(true, Roles.SupervisionFirm, Roles.Engineer, Roles.Regulator)));
            o.AddPolicy(Policies.Oversight, p => p.AddRequirements(new ActorRequirement(true, Roles.Admin, Roles.Regulator)));
            o.AddPolicy(Policies.Supervision, p => p.AddRequirements(new ActorRequirement(true, Roles.SupervisionFirm, Roles.Engineer)));
        });
        services.AddSingleton<IAuthorizationHandler, ActorRequirementHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();

        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryCheckMiddleware.HeaderName;
            o.Cookie.Name = "pilerig.xsrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = options.RequireHttpsCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });

        // Per address here; per account is the lockout in Personnel (many phones on a site share one address).
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(RateLimitPolicies.Login, context => PerMinute(Address(context), options.LoginAttemptsPerAddressPerMinute));
            o.AddPolicy(RateLimitPolicies.Public, context => PerMinute(Address(context), options.PublicScansPerAddressPerMinute));
            // Partitioned by the account the token or cookie names (authentication has run by then).
            o.AddPolicy(RateLimitPolicies.CodeLookups, context =>
                PerMinute(context.User.FindFirst(AuthConstants.AccountIdClaim)?.Value ?? Address(context), options.CodeLookupsPerAccountPerMinute));
            o.OnRejected = async (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                var path = context.HttpContext.Request.Path;
                await Problems.WriteAsync(context.HttpContext, Problems.For(
                    path.StartsWithSegments("/q") ? CommonRules.TooManyRequestsFromAddress
                    : path.StartsWithSegments("/api/v1/codes") ? CommonRules.TooManyLookupsByAccount
                    : CommonRules.TooManyLoginAttemptsFromAddress));
            };
        });
    }

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitPartition<string> PerMinute(string partition, int limit) =>
        RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    public static bool TrustsProxies(IConfiguration configuration) =>
        configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>()?.TrustedProxies is { Length: > 0 };

    public static bool IsBearerRequest(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static Task SetStatus(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
