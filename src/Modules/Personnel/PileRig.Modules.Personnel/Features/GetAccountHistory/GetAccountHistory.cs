using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.Http;
using PileRig.BuildingBlocks.Persistence;
using PileRig.Modules.Personnel.Domain;
using PileRig.SharedKernel.Identity;
using PileRig.SharedKernel.Rules;

namespace PileRig.Modules.Personnel.Features.GetAccountHistory;

/// <summary>An account's full event history, oldest first, with who, when and from which client.</summary>
public sealed record GetAccountHistory(Guid AccountId) : IQuery<IReadOnlyList<HistoryEntry>>;

public sealed class GetAccountHistoryHandler(IQuerySession session, RequestContext context)
    : IQueryHandler<GetAccountHistory, IReadOnlyList<HistoryEntry>>
{
    public async ValueTask<IReadOnlyList<HistoryEntry>> Handle(GetAccountHistory query, CancellationToken cancellationToken)
    {
        var account = await session.LoadAsync<Account>(query.AccountId, cancellationToken);
        if (account is null || !MayRead(context.Actor, account))
        {
            throw new RuleViolationException(CommonRules.NotFound);
        }

        return await StreamHistory.ReadAsync(session, account.Id, cancellationToken);
    }

    // Yourself; a firm its own engineers; the admin anyone. Everyone else gets "not found", never the record.
    private static bool MayRead(Actor actor, Account account) =>
        actor.AccountId == account.Id || actor.IsAdmin || AccountDecisions.IsManagedBy(account, actor);
}

public static class GetAccountHistoryEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/accounts/{accountId:guid}/history", async (Guid accountId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetAccountHistory(accountId), ct)))
            .RequireAuthorization(Policies.Ready)
            .WithTags("Accounts")
            .WithSummary("An account's history (self, the firm for its engineers, the admin)")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
