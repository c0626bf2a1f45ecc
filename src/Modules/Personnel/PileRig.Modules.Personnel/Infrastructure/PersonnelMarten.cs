using JasperFx.Events.Projections;
using Marten;
using PileRig.Modules.Personnel.Domain;

namespace PileRig.Modules.Personnel.Infrastructure;

/// <summary>Personnel's part of the one Marten store: its schema, its event aliases, its snapshot.</summary>
public static class PersonnelMarten
{
    public const string Schema = "personnel";

    public static void Configure(StoreOptions options)
    {
        options.Schema.For<Account>().DatabaseSchemaName(Schema)
            .Index(a => a.EnterpriseId!)
            .Duplicate(a => a.Role);
        options.Schema.For<AccountCredential>().DatabaseSchemaName(Schema);
        options.Schema.For<UsernameClaim>().DatabaseSchemaName(Schema);
        options.Schema.For<EnterpriseDirectoryEntry>().DatabaseSchemaName(Schema);
        options.Schema.For<EndedSession>().DatabaseSchemaName(Schema).Index(s => s.EndedAt);
        options.Schema.For<InboxNotification>().DatabaseSchemaName(Schema).Index(n => n.AccountId);

        options.Projections.Snapshot<Account>(SnapshotLifecycle.Inline);

        // Stable, module-prefixed names: the CLR types may be renamed, stored history may not.
        options.Events.MapEventType<EnterpriseAccountRegistered>("personnel.enterprise_account_registered");
        options.Events.MapEventType<EngineerAccountCreated>("personnel.engineer_account_created");
        options.Events.MapEventType<RegulatorAccountCreated>("personnel.regulator_account_created");
        options.Events.MapEventType<AdminAccountBootstrapped>("personnel.admin_account_bootstrapped");
        options.Events.MapEventType<PasswordChanged>("personnel.password_changed");
        options.Events.MapEventType<PasswordReset>("personnel.password_reset");
        options.Events.MapEventType<AccountDisabled>("personnel.account_disabled");
        options.Events.MapEventType<AccountEnabled>("personnel.account_enabled");
        options.Events.MapEventType<LoginSucceeded>("personnel.login_succeeded");
        options.Events.MapEventType<LoginFailed>("personnel.login_failed");
        options.Events.MapEventType<AccountLockedOut>("personnel.account_locked_out");
    }
}

/// <summary>Personnel's own copy of enterprise names, fed by Enterprises' integration events (eventually consistent).</summary>
public sealed record EnterpriseDirectoryEntry(Guid Id, string Name, string CreditCode);
