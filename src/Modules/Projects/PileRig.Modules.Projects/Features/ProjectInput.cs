using FluentValidation;
using Marten;
using PileRig.BuildingBlocks.Errors;
using PileRig.Modules.Personnel.Contracts;
using PileRig.Modules.Projects.Domain;
using PileRig.SharedKernel.Identity;
using PileRig.SharedKernel.Rules;

namespace PileRig.Modules.Projects.Features;

/// <summary>The fields a project is created or edited with, as typed.</summary>
public interface IProjectInput
{
    string? Name { get; }
    string? ConstructionPermitNumber { get; }
    string? InvestmentProjectCode { get; }
    string? PilingContractors { get; }
    string? JurisdictionCode { get; }
    string? Address { get; }
}

/// <summary>Input-shape rules shared by creating and editing a project.</summary>
public static class ProjectInputRules
{
    public static void Apply<T>(AbstractValidator<T> validator) where T : IProjectInput
    {
        validator.RuleFor(c => c.Name).RequiredText(200);
        validator.RuleFor(c => c.Address).RequiredText(200);
        validator.RuleFor(c => c.JurisdictionCode).NotEmpty().WithRule(CommonRules.Required);
        validator.RuleFor(c => c.ConstructionPermitNumber)
            .Must((command, permit) => !string.IsNullOrWhiteSpace(permit) || !string.IsNullOrWhiteSpace(command.InvestmentProjectCode))
            .WithRule(ProjectRules.PermitOrInvestmentCodeRequired);
        validator.RuleFor(c => c.ConstructionPermitNumber)
            .Must(p => ProjectIdentifiers.IsConstructionPermitNumber(p!.Trim()))
            .When(c => !string.IsNullOrWhiteSpace(c.ConstructionPermitNumber))
            .WithRule(ProjectRules.PermitNumberFormat);
        validator.RuleFor(c => c.InvestmentProjectCode)
            .Must(p => ProjectIdentifiers.IsInvestmentProjectCode(p!.Trim()))
            .When(c => !string.IsNullOrWhiteSpace(c.InvestmentProjectCode))
            .WithRule(ProjectRules.InvestmentCodeFormat);
        validator.RuleFor(c => c.PilingContractors)
            .Must(p => ProjectIdentifiers.SplitContractors(p).Count > 0).WithRule(ProjectRules.ContractorsRequired);
    }

    /// <summary>The validated input as the event records it (trimmed, contractors split).</summary>
    public static ProjectDetails ToDetails(this IProjectInput input) => new(
        input.Name!.Trim(),
        Blank(input.ConstructionPermitNumber),
        Blank(input.InvestmentProjectCode),
        ProjectIdentifiers.SplitContractors(input.PilingContractors),
        input.JurisdictionCode!.Trim(),
        input.Address!.Trim());

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Checks that need the database: the jurisdiction is current, the engineers are the firm's active ones.</summary>
public static class ProjectGuards
{
    public static async Task RequireCurrentJurisdictionAsync(IQuerySession session, string code, DateOnly today, CancellationToken cancellationToken)
    {
        var jurisdiction = await session.LoadAsync<Jurisdiction>(Jurisdiction.IdFor(code), cancellationToken);
        if (jurisdiction is null || !jurisdiction.IsCurrent(today))
        {
            throw new InputValidationException("jurisdictionCode", ProjectRules.UnknownJurisdiction, ("code", code));
        }
    }

    public static async Task RequireActiveEngineersOfFirmAsync(IAccountLookup accounts, Guid firmId, IEnumerable<Guid> engineerIds,
        CancellationToken cancellationToken)
    {
        foreach (var id in engineerIds)
        {
            var account = await accounts.FindAsync(id, cancellationToken);
            if (account is not { Role: Roles.Engineer, IsActive: true } || account.EnterpriseId != firmId)
            {
                throw new InputValidationException("engineerIds", ProjectRules.EngineerNotInFirm, ("engineerId", id));
            }
        }
    }

    /// <summary>The project's stream for a change by its firm or an assigned engineer; 404 for anyone else.</summary>
    public static async Task<JasperFx.Events.IEventStream<Project>> RequireManagedStreamAsync(IDocumentSession session, Guid projectId, Actor actor,
        CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<Project>(projectId, cancellationToken);
        return stream.Aggregate is { } project && ProjectDecisions.MayManage(project, actor)
            ? stream
            : throw new RuleViolationException(ProjectRules.NotYourProject);
    }

    public static async Task<Project> RequireReadableAsync(IQuerySession session, Guid projectId, Actor actor, CancellationToken cancellationToken)
    {
        var project = await session.LoadAsync<Project>(projectId, cancellationToken);
        return project is not null && ProjectDecisions.MayRead(project, actor)
            ? project
            : throw new RuleViolationException(ProjectRules.NotYourProject);
    }
}

/// <summary>A project as its readers see it; <see cref="RigsInUse"/> is the registry's count of usages open on it.</summary>
public sealed record ProjectView(Guid ProjectId, Guid FirmId, string Name, string? ConstructionPermitNumber, string? InvestmentProjectCode,
    IReadOnlyList<string> PilingContractors, string JurisdictionCode, string Address, IReadOnlyList<Guid> EngineerIds,
    ProjectStatus Status, int RigsInUse, DateTimeOffset CreatedAt, long Version)
{
    public static ProjectView From(Project p, int rigsInUse) => new(p.Id, p.FirmId, p.Details.Name, p.Details.ConstructionPermitNumber,
        p.Details.InvestmentProjectCode, p.Details.PilingContractors, p.Details.JurisdictionCode, p.Details.Address, p.EngineerIds,
        p.Status, rigsInUse, p.CreatedAt, p.Version);
}
