using JasperFx.Events.Projections;
using Marten;
using Weasel.Postgresql.Tables;
using PileRig.Modules.EquipmentRegistry.Domain;
using PileRig.Modules.EquipmentRegistry.Features.Supervision;

namespace PileRig.Modules.EquipmentRegistry.Infrastructure;

public static class EquipmentRegistryMarten
{
    public const string Schema = "equipment_registry";

    public static void Configure(StoreOptions options)
    {
        // Columns of their own (kept by Marten with each write, each with its index) for what the lists filter and sort
        // on: a page is read by key, never by loading the set (ADR 0016).
        options.Schema.For<Rig>().DatabaseSchemaName(Schema)
            .Duplicate(r => r.OwnerId)
            .Duplicate(r => r.Status)
            .Duplicate(r => r.Description.TypeCode)
            .Duplicate(r => r.Description.FactorySerial)
            .Duplicate(r => r.Description.CertificateValidUntil!)
            .Duplicate(r => r.Description.ManufactureDate)
            .Index([r => r.Description.TypeCode, r => r.Description.ManufactureDate], index => index.Name = "mt_doc_rig_idx_service_life")
            .Duplicate(r => r.OpenFlagCount)
            .Duplicate(r => r.Jurisdictions, pgType: "text[]", configure: index => index.Method = IndexMethod.gin);
        options.Schema.For<RigType>().DatabaseSchemaName(Schema);
        options.Schema.For<QrBinding>().DatabaseSchemaName(Schema);
        options.Schema.For<ExpiryNoticeSent>().DatabaseSchemaName(Schema);
        options.Schema.For<RigIdentityClaim>().DatabaseSchemaName(Schema);
        options.Schema.For<SuspectedClone>().DatabaseSchemaName(Schema).Duplicate(c => c.ExistingRigId);
        options.Schema.For<ScanAttempt>().DatabaseSchemaName(Schema).Duplicate(a => a.RigId!);
        options.Schema.For<OwnerDirectoryEntry>().DatabaseSchemaName(Schema);
        // A code's recent sightings by key and time; findings by the jurisdictions they concern.
        options.Schema.For<CodeSighting>().DatabaseSchemaName(Schema)
            .Duplicate(s => s.ItemCode)
            .Duplicate(s => s.At)
            .Index([s => s.ItemCode, s => s.At], index => index.Name = "mt_doc_codesighting_idx_code_at");
        options.Schema.For<SuspectedLabelCopy>().DatabaseSchemaName(Schema)
            .Duplicate(c => c.Jurisdictions, pgType: "text[]", configure: index => index.Method = IndexMethod.gin);
        options.Schema.For<UsageRecord>().DatabaseSchemaName(Schema)
            .Duplicate(u => u.ProjectId)
            .Duplicate(u => u.RigId)
            .Duplicate(u => u.JurisdictionCode)
            .Duplicate(u => u.RigTypeCode)
            .Duplicate(u => u.Status)
            .Duplicate(u => u.RegisteredAt)
            .Duplicate(u => u.ExitedAt!)
            .Duplicate(u => u.ProjectName)
            .Duplicate(u => u.RigFactorySerial)
            .Duplicate(u => u.InstalledHeightMetres)
            // The dashboard's and the regulator's counts read these without touching the (wide) rows: in use by
            // jurisdiction and type, and entries / exits per week within a jurisdiction.
            .Index([u => u.JurisdictionCode, u => u.Status, u => u.RigTypeCode], index => index.Name = "mt_doc_usagerecord_idx_in_use_by_type")
            .Index([u => u.JurisdictionCode, u => u.RegisteredAt], index => index.Name = "mt_doc_usagerecord_idx_entries_by_jurisdiction")
            .Index([u => u.JurisdictionCode, u => u.ExitedAt!], index => index.Name = "mt_doc_usagerecord_idx_exits_by_jurisdiction");
        options.Schema.For<Verification>().DatabaseSchemaName(Schema).Index(v => v.RigId);
        options.Projections.Snapshot<Rig>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<Verification>(SnapshotLifecycle.Inline);

        options.Events.MapEventType<RigRegistered>("equipment_registry.rig_registered");
        options.Events.MapEventType<ComponentAdded>("equipment_registry.component_added");
        options.Events.MapEventType<ComponentReplaced>("equipment_registry.component_replaced");
        options.Events.MapEventType<ComponentRemoved>("equipment_registry.component_removed");
        options.Events.MapEventType<RigIdentityContested>("equipment_registry.rig_identity_contested");
        options.Events.MapEventType<UsageRegistered>("equipment_registry.usage_registered");
        options.Events.MapEventType<RigFlagged>("equipment_registry.rig_flagged");
        options.Events.MapEventType<FlagCleared>("equipment_registry.flag_cleared");
        options.Events.MapEventType<UsageExited>("equipment_registry.usage_exited");
        options.Events.MapEventType<RigSpotChecked>("equipment_registry.rig_spot_checked");
        options.Events.MapEventType<VerificationStarted>("equipment_registry.verification_started");
        options.Events.MapEventType<ComponentScanned>("equipment_registry.component_scanned");
        options.Events.MapEventType<ComponentScanRefused>("equipment_registry.component_scan_refused");
    }
}
