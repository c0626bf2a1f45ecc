using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.Http;
using PileRig.BuildingBlocks.Mediation;
using PileRig.Modules.Personnel.Domain;
using PileRig.Modules.Personnel.Features.CreateEngineer;
using PileRig.Modules.Personnel.Infrastructure;
using PileRig.SharedKernel.Rules;
using PileRig.SharedKernel.Values;

namespace PileRig.Modules.Personnel.Features.ResetEngineerPassword;

public sealed record ResetEngineerPassword(Guid EngineerId) : ICommand<GeneratedCredentials>, IAnswerHoldsSecret;

public sealed class ResetEngineerPasswordHandler(IDocumentSession session, Passwords passwords, RequestContext context, TimeProvider clock)
    : ICommandHandler<ResetEngineerPassword, GeneratedCredentials>
{
    public async ValueTask<GeneratedCredentials> Handle(ResetEngineerPassword command, CancellationToken cancellationToken)
    {
        var stream = await EngineerStreams.RequireOwnAsync(session, command.EngineerId, context.Actor, cancellationToken);
        var engineer = stream.Aggregate!;

        var password = PasswordPolicy.Generate();
        stream.AppendOne(new PasswordReset(engineer.Id, context.Actor.AccountId, clock.GetUtcNow()));
        session.Store(new AccountCredential(engineer.Id, passwords.Hash(password)));
        return new GeneratedCredentials(engineer.Id, engineer.Username, password, engineer.DisplayName, engineer.Mobile);
    }
}

public static class ResetEngineerPasswordEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/engineers/{engineerId:guid}/password-reset", async (Guid engineerId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ResetEngineerPassword(engineerId), ct)))
            .RequireAuthorization(Policies.SupervisionFirm)
            .WithTags("Engineers")
            .WithSummary("Generate a new password for an engineer (shown once; they must change it at next login)")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
