using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.Http;
using PileRig.Modules.Personnel.Infrastructure;

namespace PileRig.Modules.Personnel.Features.GetMe;

public sealed record GetMe : IQuery<MeView>;

/// <summary>What the client needs after login: who this is and what must happen before any other work.</summary>
public sealed record MeView(Guid AccountId, string Username, string DisplayName, string Role, Guid? EnterpriseId,
    string? EnterpriseName, bool MustChangePassword, bool ProfileComplete, IReadOnlyList<string> Jurisdictions);

public sealed class GetMeHandler(IQuerySession session, RequestContext context) : IQueryHandler<GetMe, MeView>
{
    public async ValueTask<MeView> Handle(GetMe query, CancellationToken cancellationToken)
    {
        var actor = context.Actor;
        var enterprise = actor.EnterpriseId is { } id
            ? await session.LoadAsync<EnterpriseDirectoryEntry>(id, cancellationToken)
            : null;
        return new MeView(actor.AccountId, actor.Username, actor.DisplayName, actor.Role, actor.EnterpriseId,
            enterprise?.Name, actor.MustChangePassword, actor.ProfileComplete, actor.Jurisdictions);
    }
}

public static class GetMeEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/accounts/me", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetMe(), ct)))
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Accounts")
            .WithSummary("The signed-in account, and whether it must change its password or complete its profile first");
}
