using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.Http;
using PileRig.BuildingBlocks.Persistence;
using PileRig.Modules.Enterprises.Domain;
using PileRig.SharedKernel.Rules;

namespace PileRig.Modules.Enterprises.Features.GetEnterpriseHistory;

public sealed record GetEnterpriseHistory(Guid EnterpriseId) : IQuery<IReadOnlyList<HistoryEntry>>;

public sealed class GetEnterpriseHistoryHandler(IQuerySession session, RequestContext context)
    : IQueryHandler<GetEnterpriseHistory, IReadOnlyList<HistoryEntry>>
{
    public async ValueTask<IReadOnlyList<HistoryEntry>> Handle(GetEnterpriseHistory query, CancellationToken cancellationToken)
    {
        var actor = context.Actor;
        var enterprise = await session.LoadAsync<Enterprise>(query.EnterpriseId, cancellationToken);
        if (enterprise is null || !(actor.IsAdmin || actor.EnterpriseId == enterprise.Id))
        {
            throw new RuleViolationException(CommonRules.NotFound);
        }

        return await StreamHistory.ReadAsync(session, enterprise.Id, cancellationToken);
    }
}

public static class GetEnterpriseHistoryEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/enterprises/{enterpriseId:guid}/history", async (Guid enterpriseId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetEnterpriseHistory(enterpriseId), ct)))
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Enterprises")
            .WithSummary("An enterprise's history (its own accounts, the admin)")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
