using Marten;
using Mediator;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.Http;
using Wolverine.Marten;

namespace PileRig.BuildingBlocks.Mediation;

/// <summary>
/// For commands: stamps the Marten session with who, from where and the correlation id (so every appended event
/// carries them as metadata), enrols the session in Wolverine's outbox, runs the handler, and saves once. Either the
/// events, documents and outgoing integration messages are all committed in one transaction, or none is.
/// Queries pass straight through.
/// </summary>
public sealed class UnitOfWorkBehaviour<TMessage, TResponse>(IDocumentSession session, IMartenOutbox outbox, RequestContext context)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand)
        {
            return await next(message, cancellationToken);
        }

        outbox.Enroll(session);
        AuditStamp.Apply(session, context);
        for (var attempt = 1; ; attempt++)
        {
            var response = await next(message, cancellationToken);
            if (context.Idempotency is { } key)
            {
                // Same transaction as the command's writes: a second request with this key cannot commit anything.
                session.Insert(new IdempotencyRecord(key.Id, key.RequestHash, null, null, null, DateTimeOffset.UtcNow));
            }

            try
            {
                await session.SaveChangesAsync(cancellationToken);
                return response;
            }
            catch (JasperFx.ConcurrencyException) when (message is IRetriedOnConflict && attempt < IRetriedOnConflict.MaxAttempts)
            {
                // Lost a race on a stream: forget this attempt's writes and decide again on what is stored now.
                session.EjectAllPendingChanges();
            }
        }
    }
}

/// <summary>
/// A command that is decided again, on fresh state, when another request changed its stream first (instead of
/// answering 409): for writes that users cannot sensibly retry themselves, like a login's bookkeeping. Only for
/// commands that publish no integration events, since a discarded attempt's outbox messages are not taken back.
/// Ten attempts: each loser of a race has lost to a different winner, so ten devices at once all get through.
/// </summary>
public interface IRetriedOnConflict
{
    const int MaxAttempts = 10;
}

/// <summary>Copies the request's audit facts onto a Marten session's metadata.</summary>
public static class AuditStamp
{
    public static void Apply(IDocumentSession session, RequestContext context)
    {
        var actor = context.ActorOrNull;
        var client = context.Client;
        session.CorrelationId = context.CorrelationId;
        session.LastModifiedBy = actor?.Username ?? client.Channel;
        if (actor is not null)
        {
            session.SetHeader(AuditHeaders.AccountId, actor.AccountId.ToString());
            session.SetHeader(AuditHeaders.Username, actor.Username);
            session.SetHeader(AuditHeaders.Role, actor.Role);
            if (actor.EnterpriseId is { } enterpriseId)
            {
                session.SetHeader(AuditHeaders.EnterpriseId, enterpriseId.ToString());
            }
        }

        session.SetHeader(AuditHeaders.Channel, client.Channel);
        if (client.UserAgent is { } agent)
        {
            session.SetHeader(AuditHeaders.UserAgent, agent.Length > 256 ? agent[..256] : agent);
        }

        if (client.Address is { } address)
        {
            session.SetHeader(AuditHeaders.Address, address);
        }
    }
}
