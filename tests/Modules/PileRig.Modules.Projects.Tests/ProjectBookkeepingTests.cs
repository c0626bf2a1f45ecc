using PileRig.Modules.Projects.Domain;
using PileRig.SharedKernel.Identity;
using Shouldly;
using Xunit;

namespace PileRig.Modules.Projects.Tests;

/// <summary>Completion against the registry's exact count of open usages.</summary>
public sealed class ProjectBookkeepingTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    private static Project NewProject() => Project.Create(new ProjectRegistered(Guid.NewGuid(), Guid.NewGuid(),
        new ProjectDetails("p", "330212202403150101", null, ["A"], "330212", "addr"), [], Guid.NewGuid(), At));

    [Fact]
    public void A_project_with_a_use_open_in_the_registry_cannot_complete()
    {
        var project = NewProject();
        var firm = new Actor(Guid.NewGuid(), "f", "f", Roles.SupervisionFirm, project.FirmId, false, true, [], ClientInfo.SystemClient);

        ProjectDecisions.Complete(project, openUsages: 1, "done", firm, At).Violation!.Rule.ShouldBe(ProjectRules.RigsStillInUse);
        ProjectDecisions.Complete(project, openUsages: 0, "done", firm, At).IsRefused.ShouldBeFalse();
    }

    [Fact]
    public void Rig_entries_recorded_on_a_project_stream_by_earlier_releases_still_replay_and_change_nothing()
    {
        var project = NewProject();
        var usage = Guid.NewGuid();

        var replayed = project.Apply(new RigEnteredProject(project.Id, Guid.NewGuid(), usage, At)).Apply(new RigLeftProject(project.Id, Guid.NewGuid(), usage, At));

        replayed.ShouldBe(project);
    }
}
