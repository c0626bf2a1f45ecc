using PileRig.SharedKernel.Identity;
using PileRig.SharedKernel.Rules;

namespace PileRig.Modules.Projects.Domain;

public static class ProjectDecisions
{
    /// <summary>Who may read a project: its firm, its engineers, the admin, regulators of its jurisdiction.</summary>
    public static bool MayRead(Project project, Actor actor) => actor.Role switch
    {
        Roles.SupervisionFirm => project.FirmId == actor.EnterpriseId,
        Roles.Engineer => project.FirmId == actor.EnterpriseId && project.EngineerIds.Contains(actor.AccountId),
        Roles.Admin => true,
        Roles.Regulator => actor.Jurisdictions.Contains(project.JurisdictionCode),
        _ => false,
    };

    /// <summary>Who may change it (and register rigs on it): the firm's own account and the engineers assigned to it.</summary>
    public static bool MayManage(Project project, Actor actor) =>
        (actor.Role == Roles.SupervisionFirm && project.FirmId == actor.EnterpriseId)
        || (actor.Role == Roles.Engineer && project.FirmId == actor.EnterpriseId && project.EngineerIds.Contains(actor.AccountId));

    public static Decision Edit(Project project, ProjectDetails details, string? reason, Actor actor, DateTimeOffset now)
    {
        if (project.Status == ProjectStatus.Completed)
        {
            return Decision.Refuse(ProjectRules.ProjectCompleted);
        }

        return project.Details.SameAs(details)
            ? Decision.Refuse(ProjectRules.NothingChanged)
            : Decision.Accept(new ProjectDetailsEdited(project.Id, details, reason, actor.AccountId, now));
    }

    public static Decision ChangeEngineers(Project project, IReadOnlyList<Guid> engineerIds, string? reason, Actor actor, DateTimeOffset now)
    {
        if (project.Status == ProjectStatus.Completed)
        {
            return Decision.Refuse(ProjectRules.ProjectCompleted);
        }

        var added = engineerIds.Except(project.EngineerIds).ToList();
        var removed = project.EngineerIds.Except(engineerIds).ToList();
        return added.Count == 0 && removed.Count == 0
            ? Decision.Refuse(ProjectRules.NothingChanged)
            : Decision.Accept(new ProjectEngineersChanged(project.Id, added, removed, reason, actor.AccountId, now));
    }

    /// <summary>Completion needs an empty project: <paramref name="openUsages"/> is the registry's exact count of open usages on it.</summary>
    public static Decision Complete(Project project, int openUsages, string? reason, Actor actor, DateTimeOffset now)
    {
        if (project.Status == ProjectStatus.Completed)
        {
            return Decision.Refuse(ProjectRules.ProjectCompleted);
        }

        return openUsages > 0
            ? Decision.Refuse(ProjectRules.RigsStillInUse, ("count", openUsages))
            : Decision.Accept(new ProjectCompleted(project.Id, reason, actor.AccountId, now));
    }

    public static Decision Retire(Jurisdiction jurisdiction, DateOnly today, string? reason, Actor actor, DateTimeOffset now) =>
        jurisdiction.ValidTo is not null
            ? Decision.Refuse(ProjectRules.JurisdictionAlreadyRetired)
            : Decision.Accept(new JurisdictionRetired(jurisdiction.Id, jurisdiction.Code, today, reason, actor.AccountId, now));
}
