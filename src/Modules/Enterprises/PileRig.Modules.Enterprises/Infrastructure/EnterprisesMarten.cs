using JasperFx.Events.Projections;
using Marten;
using PileRig.Modules.Enterprises.Domain;

namespace PileRig.Modules.Enterprises.Infrastructure;

public static class EnterprisesMarten
{
    public const string Schema = "enterprises";

    public static void Configure(StoreOptions options)
    {
        options.Schema.For<Enterprise>().DatabaseSchemaName(Schema);
        options.Schema.For<CreditCodeClaim>().DatabaseSchemaName(Schema);
        options.Projections.Snapshot<Enterprise>(SnapshotLifecycle.Inline);

        options.Events.MapEventType<EnterpriseRegistered>("enterprises.enterprise_registered");
        options.Events.MapEventType<EnterpriseProfileCompleted>("enterprises.profile_completed");
        options.Events.MapEventType<EnterpriseProfileUpdated>("enterprises.profile_updated");
        options.Events.MapEventType<CreditCodeCheckFailureConfirmed>("enterprises.credit_code_check_failure_confirmed");
    }
}
