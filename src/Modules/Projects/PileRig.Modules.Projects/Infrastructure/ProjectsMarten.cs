using JasperFx.Events.Projections;
using Marten;
using PileRig.Modules.Projects.Domain;

namespace PileRig.Modules.Projects.Infrastructure;

public static class ProjectsMarten
{
    public const string Schema = "projects";

    public static void Configure(StoreOptions options)
    {
        options.Schema.For<Project>().DatabaseSchemaName(Schema).Index(p => p.FirmId).Index(p => p.JurisdictionCode);
        options.Schema.For<Jurisdiction>().DatabaseSchemaName(Schema);
        options.Projections.Snapshot<Project>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<Jurisdiction>(SnapshotLifecycle.Inline);

        options.Events.MapEventType<JurisdictionAdded>("projects.jurisdiction_added");
        options.Events.MapEventType<JurisdictionRetired>("projects.jurisdiction_retired");
        options.Events.MapEventType<ProjectRegistered>("projects.project_registered");
        options.Events.MapEventType<ProjectDetailsEdited>("projects.project_details_edited");
        options.Events.MapEventType<ProjectEngineersChanged>("projects.project_engineers_changed");
        options.Events.MapEventType<ProjectCompleted>("projects.project_completed");
        options.Events.MapEventType<RigEnteredProject>("projects.rig_entered");
        options.Events.MapEventType<RigLeftProject>("projects.rig_left");
    }
}
