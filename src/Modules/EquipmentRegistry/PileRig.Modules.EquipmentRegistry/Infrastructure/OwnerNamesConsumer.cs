using Marten;
using PileRig.Modules.Enterprises.Contracts;
using PileRig.SharedKernel.Identity;

namespace PileRig.Modules.EquipmentRegistry.Infrastructure;

/// <summary>Keeps the registry's copy of rig owners' names (for labels and the public page) from Enterprises' events.</summary>
public static class OwnerNamesConsumer
{
    public static void Handle(EnterpriseProfileChangedIntegrationEvent message, IDocumentSession session)
    {
        if (message.Kind == EnterpriseKind.RigOwner)
        {
            session.Store(new OwnerDirectoryEntry(message.EnterpriseId, message.Name));
        }
    }
}
