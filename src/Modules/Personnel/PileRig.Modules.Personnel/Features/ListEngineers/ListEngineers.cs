using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.Http;
using PileRig.Modules.Personnel.Domain;
using PileRig.SharedKernel.Identity;

namespace PileRig.Modules.Personnel.Features.ListEngineers;

public sealed record ListEngineers : IQuery<IReadOnlyList<EngineerView>>;

public sealed record EngineerView(Guid AccountId, string Username, string Name, string Mobile, AccountStatus Status,
    bool MustChangePassword, DateTimeOffset CreatedAt, DateTimeOffset? LastLoginAt)
{
    public static EngineerView From(Account a) =>
        new(a.Id, a.Username, a.DisplayName, a.Mobile, a.Status, a.MustChangePassword, a.CreatedAt, a.LastLoginAt);
}

public sealed class ListEngineersHandler(IQuerySession session, RequestContext context)
    : IQueryHandler<ListEngineers, IReadOnlyList<EngineerView>>
{
    public async ValueTask<IReadOnlyList<EngineerView>> Handle(ListEngineers query, CancellationToken cancellationToken)
    {
        var firmId = context.Actor.EnterpriseId;
        var engineers = await session.Query<Account>()
            .Where(a => a.EnterpriseId == firmId && a.Role == Roles.Engineer)
            .OrderBy(a => a.DisplayName)
            .ToListAsync(cancellationToken);
        return engineers.Select(EngineerView.From).ToList();
    }
}

public static class ListEngineersEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/engineers", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListEngineers(), ct)))
            .RequireAuthorization(Policies.SupervisionFirm)
            .WithTags("Engineers")
            .WithSummary("The firm's engineers");
}
