using PileRig.Modules.Projects.Domain;
using Shouldly;
using Xunit;

namespace PileRig.Modules.Projects.Tests;

/// <summary>The project's record of rigs entering and leaving, fed by messages that may arrive in any order.</summary>
public sealed class ProjectBookkeepingTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    private static Project NewProject() => Project.Create(new ProjectRegistered(Guid.NewGuid(), Guid.NewGuid(),
        new ProjectDetails("p", "330212202403150101", null, ["A"], "330212", "addr"), [], Guid.NewGuid(), At));

    [Fact]
    public void An_exit_delivered_before_its_entry_never_leaves_the_rig_counted_as_in_use()
    {
        var project = NewProject();
        var usage = Guid.NewGuid();
        var rig = Guid.NewGuid();

        project = project.Apply(new RigLeftProject(project.Id, rig, usage, At)).Apply(new RigEnteredProject(project.Id, rig, usage, At));

        project.RigsInUse.ShouldBeEmpty();
    }

    [Fact]
    public void A_project_with_a_use_open_in_the_registry_cannot_complete_even_before_its_own_record_catches_up()
    {
        var project = NewProject();
        var firm = new PileRig.SharedKernel.Identity.Actor(Guid.NewGuid(), "f", "f", PileRig.SharedKernel.Identity.Roles.SupervisionFirm, project.FirmId,
            false, true, [], PileRig.SharedKernel.Identity.ClientInfo.SystemClient);

        ProjectDecisions.Complete(project, openUsagesInRegistry: 1, "done", firm, At).Violation!.Rule.ShouldBe(ProjectRules.RigsStillInUse);
        ProjectDecisions.Complete(project, openUsagesInRegistry: 0, "done", firm, At).IsRefused.ShouldBeFalse();
    }
}
