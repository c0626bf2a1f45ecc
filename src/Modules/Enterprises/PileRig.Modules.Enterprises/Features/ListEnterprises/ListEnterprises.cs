using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PileRig.BuildingBlocks.Http;
using PileRig.Modules.Enterprises.Domain;
using PileRig.Modules.Enterprises.Features.SubmitProfile;

namespace PileRig.Modules.Enterprises.Features.ListEnterprises;

public sealed record ListEnterprises : IQuery<IReadOnlyList<EnterpriseView>>;

public sealed class ListEnterprisesHandler(IQuerySession session) : IQueryHandler<ListEnterprises, IReadOnlyList<EnterpriseView>>
{
    public async ValueTask<IReadOnlyList<EnterpriseView>> Handle(ListEnterprises query, CancellationToken cancellationToken) =>
        (await session.Query<Enterprise>().OrderBy(e => e.RegisteredAt).ToListAsync(cancellationToken))
        .Select(EnterpriseView.From).ToList();
}

public static class ListEnterprisesEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/enterprises", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListEnterprises(), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithTags("Enterprises")
            .WithSummary("Every enterprise (admin only)");
}
