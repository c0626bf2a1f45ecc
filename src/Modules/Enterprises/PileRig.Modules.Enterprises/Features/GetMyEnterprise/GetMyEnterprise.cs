using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.Http;
using PileRig.Modules.Enterprises.Domain;
using PileRig.Modules.Enterprises.Features.SubmitProfile;
using PileRig.SharedKernel.Identity;
using PileRig.SharedKernel.Rules;

namespace PileRig.Modules.Enterprises.Features.GetMyEnterprise;

public sealed record GetMyEnterprise : IQuery<EnterpriseView>;

public sealed class GetMyEnterpriseHandler(IQuerySession session, RequestContext context) : IQueryHandler<GetMyEnterprise, EnterpriseView>
{
    public async ValueTask<EnterpriseView> Handle(GetMyEnterprise query, CancellationToken cancellationToken)
    {
        var actor = context.Actor;
        if (!actor.IsEnterpriseAccount || actor.EnterpriseId is not { } enterpriseId)
        {
            throw new RuleViolationException(EnterpriseRules.NotAnEnterpriseAccount);
        }

        var enterprise = await session.LoadAsync<Enterprise>(enterpriseId, cancellationToken);
        return enterprise is not null
            ? EnterpriseView.From(enterprise)
            : new EnterpriseView(enterpriseId, actor.Role == Roles.SupervisionFirm ? "supervision_firm" : "rig_owner", false, null, 0);
    }
}

public static class GetMyEnterpriseEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/enterprises/me", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetMyEnterprise(), ct)))
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Enterprises")
            .WithSummary("The signed-in enterprise account's profile, complete or not");
}
