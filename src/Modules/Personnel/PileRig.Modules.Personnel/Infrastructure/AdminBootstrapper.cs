using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PileRig.Modules.Personnel.Domain;
using PileRig.SharedKernel.Identity;
using PileRig.SharedKernel.Values;

namespace PileRig.Modules.Personnel.Infrastructure;

public sealed class AdminOptions
{
    public const string Section = "PileRig:Admin";

    public string Username { get; set; } = "admin";

    /// <summary>From configuration only (environment, secrets); never a default in code. Without it no admin is created.</summary>
    public string? Password { get; set; }
}

/// <summary>Creates the platform administrator on first start, from configuration; does nothing once one exists.</summary>
public sealed class AdminBootstrapper(IDocumentStore store, Passwords passwords, IOptions<AdminOptions> options,
    TimeProvider clock, ILogger<AdminBootstrapper> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var admin = options.Value;
        await using var session = store.LightweightSession();
        if (await session.Query<Account>().AnyAsync(a => a.Role == Roles.Admin, cancellationToken))
        {
            return;
        }

        if (!PasswordPolicy.IsSatisfiedBy(admin.Password) || !Username.IsValid(admin.Username))
        {
            logger.LogWarning("No platform administrator exists and {Section}:Password is not set (or breaks the password policy); none was created.",
                AdminOptions.Section);
            return;
        }

        var accountId = Guid.CreateVersion7();
        var username = admin.Username.Trim();
        session.LastModifiedBy = "system";
        session.SetHeader("client", "system");
        session.Insert(new UsernameClaim(Username.Normalize(username), accountId));
        session.Events.StartStream<Account>(accountId, new AdminAccountBootstrapped(accountId, username, clock.GetUtcNow()));
        session.Store(new AccountCredential(accountId, passwords.Hash(admin.Password!)));
        await session.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Created the platform administrator account {Username}.", username);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
