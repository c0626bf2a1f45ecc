using System.Text.Json;
using JasperFx;
using Marten;
using Mediator;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.Http;
using PileRig.BuildingBlocks.Persistence;
using PileRig.SharedKernel.Rules;
using Wolverine.Marten;

namespace PileRig.BuildingBlocks.Mediation;

/// <summary>
/// For commands: stamps the Marten session with who, from where and the correlation id (so every appended event
/// carries them as metadata), enrols the session in Wolverine's outbox, runs the handler, adds the idempotent answer
/// when the request has a key, and saves once. Either the events, documents, outgoing integration messages and the
/// answer are all committed in one transaction, or none is; the command's reads run in that transaction too. A lost race is answered here, in one place: decided again
/// for <see cref="IRetriedOnConflict"/> commands, the claim's own rule for a unique claim, the handler's
/// <see cref="LostRaceAnswer"/> where it gave one, 409 <c>concurrency.conflict</c> otherwise.
/// Queries pass straight through.
/// </summary>
public sealed class UnitOfWorkBehaviour<TMessage, TResponse>(IDocumentSession session, IMartenOutbox outbox, RequestContext context,
    LostRaceAnswer lostRace, TimeProvider clock)
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
            TResponse response = default!;
            RecordedRefusalException? refusal = null;
            // Reads and writes in one transaction on one connection: one commit per command, however many documents it
            // reads first. A refusal thrown before saving rolls it back when the session is disposed.
            await session.BeginTransactionAsync(cancellationToken);
            try
            {
                response = await next(message, cancellationToken);
            }
            catch (RecordedRefusalException refused)
            {
                refusal = refused; // saved below with what the handler staged, then thrown
            }

            if (context.Idempotency is { } key)
            {
                // A generated password is shown once and never stored: its retry is told so instead of replaying it.
                var answer = refusal is not null || message is IAnswerHoldsSecret ? IdempotencyRecord.SecretNotKept : JsonSerializer.Serialize(response, ApiJson.Options);
                session.Insert(new IdempotencyRecord(key.Id, key.RequestHash, answer, clock.GetUtcNow())
                {
                    Refusal = refusal is null ? null : JsonSerializer.Serialize(refusal.Violation, ApiJson.Options),
                });
            }

            var claims = session.PendingChanges.Inserts().OfType<IUniqueClaim>().ToList();
            try
            {
                // Once decided, the write is finished even if the client has gone: its retry then finds the answer.
                await session.SaveChangesAsync(CancellationToken.None);
                return refusal is null ? response : throw refusal;
            }
            catch (DocumentAlreadyExistsException e) when (e.DocType == typeof(IdempotencyRecord))
            {
                // Another request with this key committed first; the idempotency behaviour answers with its answer.
                throw;
            }
            catch (Exception e) when (LostRaces.IsLostRace(e) && message is IRetriedOnConflict && attempt < IRetriedOnConflict.MaxAttempts)
            {
                // Lost a race: forget this attempt's writes and decide again on what is stored now, after a short,
                // random pause so that the losers of one race do not all meet again in the next.
                session.EjectAllPendingChanges();
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), CancellationToken.None);
            }
            catch (DocumentAlreadyExistsException e) when (claims.FirstOrDefault(c => c.GetType() == e.DocType && Equals(c.ClaimedValue, e.Id)) is { } claim)
            {
                throw new RuleViolationException(claim.LostRace());
            }
            catch (Exception e) when (LostRaces.IsLostRace(e) && lostRace.IsGiven)
            {
                throw new RuleViolationException(await lostRace.AnswerAsync(CancellationToken.None));
            }
        }
    }
}

/// <summary>
/// A command that is decided again, on fresh state, when another request changed its stream or took its claim first
/// (instead of answering 409): for writes that users cannot sensibly retry themselves, like a login's bookkeeping or
/// an engineer's generated username. Only for commands that publish no integration events, since a discarded attempt's
/// outbox messages are not taken back.
/// A request loses only when another commits first, and each of the others commits once: with up to
/// <see cref="MaxAttempts"/> requests racing for one thing, every one of them gets through.
/// </summary>
public interface IRetriedOnConflict
{
    const int MaxAttempts = 24;
}

/// <summary>A command whose answer carries a secret shown once (a generated password): its idempotent answer is not stored.</summary>
public interface IAnswerHoldsSecret;

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
