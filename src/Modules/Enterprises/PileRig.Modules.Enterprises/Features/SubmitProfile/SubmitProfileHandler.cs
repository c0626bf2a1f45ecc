using Marten;
using Mediator;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.Files;
using PileRig.BuildingBlocks.Mediation;
using PileRig.Modules.Enterprises.Contracts;
using PileRig.Modules.Enterprises.Domain;
using PileRig.SharedKernel.Identity;
using PileRig.SharedKernel.Rules;
using PileRig.SharedKernel.Values;

namespace PileRig.Modules.Enterprises.Features.SubmitProfile;

public sealed class SubmitProfileHandler(IDocumentSession session, IIntegrationEventPublisher publisher, RequestContext context,
    TimeProvider clock) : ICommandHandler<SubmitProfile, EnterpriseView>
{
    public async ValueTask<EnterpriseView> Handle(SubmitProfile command, CancellationToken cancellationToken)
    {
        var actor = context.Actor;
        if (!actor.IsEnterpriseAccount || actor.EnterpriseId is not { } enterpriseId)
        {
            throw new RuleViolationException(EnterpriseRules.NotAnEnterpriseAccount);
        }

        var kind = actor.Role == Roles.SupervisionFirm ? EnterpriseKind.SupervisionFirm : EnterpriseKind.RigOwner;
        var document = await session.RequireOwnAsync(command.DocumentFileId!.Value, actor.AccountId, "documentFileId", cancellationToken);
        var profile = new EnterpriseProfile(command.Name!.Trim(), UnifiedSocialCreditCode.Normalize(command.CreditCode!),
            command.Address!.Trim(), command.LegalRepresentative!.Trim(), command.ContactName!.Trim(), command.ContactPhone!.Trim(),
            EnterpriseDecisions.DocumentKindFor(kind), document.ToRef());

        var stream = await session.Events.FetchForWriting<Enterprise>(enterpriseId, cancellationToken);
        var current = stream.Aggregate;
        var now = clock.GetUtcNow();
        var events = EnterpriseDecisions.SubmitProfile(current, enterpriseId, kind, profile,
            command.ConfirmCreditCodeCheckFailure == true, actor, now).EventsOrThrow();
        await ClaimCreditCodeAsync(current, enterpriseId, profile.CreditCode, cancellationToken);
        if (events.Count == 0)
        {
            return EnterpriseView.From(current!);
        }

        stream.AppendMany(events);
        await publisher.PublishAsync(new EnterpriseProfileChangedIntegrationEvent(enterpriseId, kind, profile.Name, profile.CreditCode, now));
        return EnterpriseView.From(Enterprise.Fold(current, events)!);
    }

    // One enterprise per credit code: the claim document's id is the code, so even two racing sign-ups cannot both commit.
    // Claimed once, with the first complete profile; the decision keeps it bound afterwards, so it is never released.
    private async Task ClaimCreditCodeAsync(Enterprise? current, Guid enterpriseId, string creditCode, CancellationToken cancellationToken)
    {
        if (current?.Profile is not null)
        {
            return;
        }

        var claim = await session.LoadAsync<CreditCodeClaim>(creditCode, cancellationToken);
        if (claim is not null && claim.EnterpriseId != enterpriseId)
        {
            throw new RuleViolationException(EnterpriseRules.CreditCodeTaken, ("creditCode", creditCode));
        }

        session.Insert(new CreditCodeClaim(creditCode, enterpriseId));
    }
}
