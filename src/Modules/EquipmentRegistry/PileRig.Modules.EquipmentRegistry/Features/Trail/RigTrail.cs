using Marten;
using Mediator;
using Microsoft.AspNetCore.Routing;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.AuditTrail;

namespace PileRig.Modules.EquipmentRegistry.Features.Trail;

/// <summary>The rig's stream as a tamper-evident trail, for whoever may read the rig (owner, admin, regulators of its jurisdictions).</summary>
public sealed record ExportRigTrail(Guid RigId) : IQuery<TrailDocument>;

public sealed class ExportRigTrailHandler(IQuerySession session, AuditTrailStore trails, RequestContext context)
    : IQueryHandler<ExportRigTrail, TrailDocument>
{
    public async ValueTask<TrailDocument> Handle(ExportRigTrail query, CancellationToken cancellationToken)
    {
        var rig = await RigAccess.RequireReadableAsync(session, query.RigId, context.Actor, cancellationToken);
        var d = rig.Description;
        return await trails.ExportAsync(rig.Id, $"{d.Maker} {d.Model} · {d.FactorySerial}", cancellationToken);
    }
}

public static class RigTrailEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapTrailEndpoints("rigs", "Rigs", (id, sender, ct) => sender.Send(new ExportRigTrail(id), ct));
}
