using System.ComponentModel.DataAnnotations;
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
using PileRig.Modules.Personnel.Infrastructure;
using PileRig.SharedKernel.Rules;
using PileRig.SharedKernel.Values;

namespace PileRig.Modules.Personnel.Features.CreateEngineer;

/// <summary>A supervision firm creates an engineer's account from a name and mobile number.</summary>
/// <remarks>Decided again when another creation took the same generated username first (same mobile number, same moment).</remarks>
public sealed record CreateEngineer([property: MaxLength(50)] string? Name, string? Mobile) : ICommand<GeneratedCredentials>, IRetriedOnConflict, IAnswerHoldsSecret;

/// <summary>The generated login, shown to the firm once; only its hash is kept.</summary>
public sealed record GeneratedCredentials(Guid AccountId, string Username, string Password, string Name, string Mobile);

public sealed class CreateEngineerValidator : AbstractValidator<CreateEngineer>
{
    public CreateEngineerValidator()
    {
        RuleFor(c => c.Name).RequiredText(50);
        RuleFor(c => c.Mobile).NotEmpty().WithRule(CommonRules.Required)
            .Must(MobileNumber.IsValid).WithRule(CommonRules.MobileFormat);
    }
}

public sealed class CreateEngineerHandler(IDocumentSession session, Passwords passwords, RequestContext context, TimeProvider clock)
    : ICommandHandler<CreateEngineer, GeneratedCredentials>
{
    public async ValueTask<GeneratedCredentials> Handle(CreateEngineer command, CancellationToken cancellationToken)
    {
        var firm = context.Actor;
        var accountId = Guid.CreateVersion7();
        var username = await Usernames.ClaimFirstFreeAsync(session, command.Mobile!, accountId, cancellationToken);

        var password = PasswordPolicy.Generate();
        var name = command.Name!.Trim();
        session.Events.StartStream<Account>(accountId, new EngineerAccountCreated(
            accountId, username, name, command.Mobile!, firm.EnterpriseId!.Value, firm.AccountId, clock.GetUtcNow()));
        session.Store(new AccountCredential(accountId, passwords.Hash(password)));
        return new GeneratedCredentials(accountId, username, password, name, command.Mobile!);
    }
}

public static class CreateEngineerEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/engineers", Handle)
            .RequireAuthorization(Policies.SupervisionFirm)
            .WithTags("Engineers")
            .WithSummary("Create an engineer's account (项目监理人员); the generated password is in this answer only")
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<Created<GeneratedCredentials>> Handle(CreateEngineer command, ISender sender, CancellationToken cancellationToken)
    {
        var created = await sender.Send(command, cancellationToken);
        return TypedResults.Created($"/api/v1/engineers/{created.AccountId}", created);
    }
}
