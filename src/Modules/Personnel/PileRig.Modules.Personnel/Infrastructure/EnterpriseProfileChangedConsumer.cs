using Marten;
using PileRig.Modules.Enterprises.Contracts;

namespace PileRig.Modules.Personnel.Infrastructure;

/// <summary>
/// Keeps Personnel's copy of enterprise names (shown with the account) from Enterprises' integration events. A
/// Wolverine handler on a durable local queue: the message survives a restart and the write is transactional.
/// </summary>
public static class EnterpriseProfileChangedConsumer
{
    public static void Handle(EnterpriseProfileChangedIntegrationEvent message, IDocumentSession session) =>
        session.Store(new EnterpriseDirectoryEntry(message.EnterpriseId, message.Name, message.CreditCode));
}
