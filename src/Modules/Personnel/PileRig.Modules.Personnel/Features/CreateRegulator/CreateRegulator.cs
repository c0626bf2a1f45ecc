using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.Errors;
using PileRig.BuildingBlocks.Http;
using PileRig.BuildingBlocks.Mediation;
using PileRig.Modules.Personnel.Domain;
using PileRig.Modules.Personnel.Features.CreateEngineer;
using PileRig.Modules.Personnel.Infrastructure;
using PileRig.Modules.Projects.Contracts;
using PileRig.SharedKernel.Identity;
using PileRig.SharedKernel.Rules;
using PileRig.SharedKernel.Values;

namespace PileRig.Modules.Personnel.Features.CreateRegulator;

/// <summary>The admin creates a regulator (住建局 / 安监站) account bound to one or more jurisdiction codes.</summary>
public sealed record CreateRegulator([property: MaxLength(50)] string? Name, string? Mobile, [property: MaxLength(100)] string? Organisation, IReadOnlyList<string>? Jurisdictions)
    : ICommand<GeneratedCredentials>, IRetriedOnConflict, IAnswerHoldsSecret;

public sealed partial class CreateRegulatorValidator : AbstractValidator<CreateRegulator>
{
    public CreateRegulatorValidator()
    {
        RuleFor(c => c.Name).RequiredText(50);
        RuleFor(c => c.Organisation).RequiredText(100);
        RuleFor(c => c.Mobile).NotEmpty().WithRule(CommonRules.Required)
            .Must(MobileNumber.IsValid).WithRule(CommonRules.MobileFormat);
        RuleFor(c => c.Jurisdictions).NotEmpty().WithRule(PersonnelRules.JurisdictionsRequired);
        RuleForEach(c => c.Jurisdictions).Must(j => j is not null && JurisdictionCode().IsMatch(j))
            .WithRule(PersonnelRules.JurisdictionCode);
    }

    [GeneratedRegex("^[0-9a-z_-]{2,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex JurisdictionCode();
}

public sealed class CreateRegulatorHandler(IDocumentSession session, Passwords passwords, IJurisdictionDirectory jurisdictions,
    RequestContext context, TimeProvider clock)
    : ICommandHandler<CreateRegulator, GeneratedCredentials>
{
    public async ValueTask<GeneratedCredentials> Handle(CreateRegulator command, CancellationToken cancellationToken)
    {
        var codes = command.Jurisdictions!.Distinct().ToList();
        for (var i = 0; i < codes.Count; i++)
        {
            if (!await jurisdictions.IsCurrentAsync(codes[i], cancellationToken))
            {
                throw new InputValidationException($"jurisdictions[{i}]", PersonnelRules.UnknownJurisdiction, ("code", codes[i]));
            }
        }

        var accountId = Guid.CreateVersion7();
        var username = await Usernames.ClaimFirstFreeAsync(session, command.Mobile!, accountId, cancellationToken);
        var password = PasswordPolicy.Generate();
        var name = command.Name!.Trim();
        session.Events.StartStream<Account>(accountId, new RegulatorAccountCreated(accountId, username, name, command.Mobile!,
            command.Organisation!.Trim(), codes, context.Actor.AccountId, clock.GetUtcNow()));
        session.Store(new AccountCredential(accountId, passwords.Hash(password)));
        return new GeneratedCredentials(accountId, username, password, name, command.Mobile!);
    }
}

public sealed record ListRegulators : IQuery<IReadOnlyList<RegulatorView>>;

public sealed record RegulatorView(Guid AccountId, string Username, string Name, string Mobile, string? Organisation,
    IReadOnlyList<string> Jurisdictions, AccountStatus Status);

public sealed class ListRegulatorsHandler(IQuerySession session) : IQueryHandler<ListRegulators, IReadOnlyList<RegulatorView>>
{
    public async ValueTask<IReadOnlyList<RegulatorView>> Handle(ListRegulators query, CancellationToken cancellationToken)
    {
        var regulators = await session.Query<Account>().Where(a => a.Role == Roles.Regulator)
            .OrderBy(a => a.DisplayName).ToListAsync(cancellationToken);
        return regulators.Select(a => new RegulatorView(a.Id, a.Username, a.DisplayName, a.Mobile, a.Organisation,
            a.Jurisdictions, a.Status)).ToList();
    }
}

public static class CreateRegulatorEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/regulators", async (CreateRegulator command, ISender sender, CancellationToken ct) =>
            {
                var created = await sender.Send(command, ct);
                return TypedResults.Created($"/api/v1/regulators/{created.AccountId}", created);
            })
            .RequireAuthorization(Policies.Admin)
            .WithTags("Regulators")
            .WithSummary("Create a regulator account bound to jurisdictions (admin only)")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/regulators", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListRegulators(), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithTags("Regulators")
            .WithSummary("All regulator accounts (admin only)");
    }
}
