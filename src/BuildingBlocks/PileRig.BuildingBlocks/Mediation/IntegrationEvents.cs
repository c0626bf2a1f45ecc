using Wolverine.Marten;

namespace PileRig.BuildingBlocks.Mediation;

/// <summary>
/// Publishes an integration event to the other modules through Wolverine's Marten outbox: the message is stored in the
/// same transaction as the command's events and delivered after commit, on a durable local queue. Never before commit,
/// never lost after it.
/// </summary>
public interface IIntegrationEventPublisher
{
    ValueTask PublishAsync<TEvent>(TEvent integrationEvent) where TEvent : notnull;
}

public sealed class OutboxIntegrationEventPublisher(IMartenOutbox outbox) : IIntegrationEventPublisher
{
    public ValueTask PublishAsync<TEvent>(TEvent integrationEvent) where TEvent : notnull => outbox.PublishAsync(integrationEvent);
}
