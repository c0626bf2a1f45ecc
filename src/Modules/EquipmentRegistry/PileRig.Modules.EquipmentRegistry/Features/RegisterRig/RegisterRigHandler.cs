using Marten;
using Mediator;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.Errors;
using PileRig.BuildingBlocks.Files;
using PileRig.Modules.EquipmentRegistry.Domain;
using PileRig.Modules.EquipmentRegistry.Infrastructure;
using PileRig.SharedKernel.Identity;
using PileRig.SharedKernel.Rules;

namespace PileRig.Modules.EquipmentRegistry.Features.RegisterRig;

public sealed class RegisterRigHandler(IDocumentSession session, QrCodes codes, RequestContext context, TimeProvider clock)
    : ICommandHandler<RegisterRig, RigView>
{
    public async ValueTask<RigView> Handle(RegisterRig command, CancellationToken cancellationToken)
    {
        var actor = context.Actor;
        var ownerId = actor.EnterpriseId!.Value;
        var now = clock.GetUtcNow();
        var typeCode = command.TypeCode!.Trim();
        if (await session.LoadAsync<RigType>(typeCode, cancellationToken) is null)
        {
            throw new InputValidationException("typeCode", EquipmentRules.UnknownRigType, ("code", typeCode));
        }

        var maker = command.Maker!.Trim();
        var serial = command.FactorySerial!.Trim();
        var certificateNumber = command.CertificateNumber!.Trim();
        var serialKey = IdentityKeys.Serial(maker, serial);
        var certificateKey = IdentityKeys.Certificate(certificateNumber);
        var claims = await session.LoadManyAsync<RigIdentityClaim>(cancellationToken, serialKey, certificateKey);
        if (claims.Count > 0 && claims.All(c => c.OwnerId == ownerId))
        {
            // The owner's own rig sent twice (a double click, a form saved again): not a clone, and nothing to record.
            var own = await session.LoadAsync<Rig>(claims[0].RigId, cancellationToken);
            throw new RuleViolationException(EquipmentRules.AlreadyRegisteredByYou, ("rigId", claims[0].RigId),
                ("rig", own is null ? "" : $"{own.Description.Maker} {own.Description.Model} {own.Description.FactorySerial}"));
        }

        if (claims.Count > 0)
        {
            await RecordSuspectedCloneAsync(claims, actor, maker, serial, certificateNumber, serialKey, now, cancellationToken);
        }

        var certificate = await session.RequireOwnAsync(command.CertificateFileId!.Value, actor.AccountId, "certificateFileId", cancellationToken);
        var photos = await session.RequireOwnManyAsync(command.PhotoFileIds, actor.AccountId, "photoFileIds", cancellationToken);

        var components = (command.Components ?? []).Select(c => new RigComponent(Guid.CreateVersion7(), c.Kind!.Value, c.Serial!.Trim(),
            RigDecisions.StructuralByDefault(c.Kind.Value, c.Structural), QrCodes.NewItemCode(QrCodes.Component))).ToList();
        var duplicate = components.GroupBy(c => (c.Kind, c.Serial.ToUpperInvariant())).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new RuleViolationException(EquipmentRules.ComponentSerialDuplicate, ("serial", duplicate.First().Serial), ("kind", duplicate.Key.Kind));
        }

        var description = new RigDescription(typeCode, maker, command.Model!.Trim(), serial, command.ManufactureDate!.Value, certificateNumber,
            certificate.ToRef(), command.CertificateValidUntil, command.RatedMaxHeightMetres!.Value, command.TopMountedPowerHead!.Value,
            command.PowerHeadCount!.Value, photos);
        var rigId = Guid.CreateVersion7();
        var registered = new RigRegistered(rigId, ownerId, description, QrCodes.NewItemCode(QrCodes.BaseUnit), components, actor.AccountId, now);

        session.Events.StartStream<Rig>(rigId, registered);
        session.Insert(new RigIdentityClaim(serialKey, rigId, ownerId));
        session.Insert(new RigIdentityClaim(certificateKey, rigId, ownerId));
        RigAccess.Bind(session, registered.BaseUnitCode, rigId, null, now);
        foreach (var component in components)
        {
            RigAccess.Bind(session, component.Code, rigId, component, now);
        }

        return RigView.From(Rig.Create(registered) with { Version = 1 }, codes);
    }

    // Refused, but not forgotten: both claims become visible to the regulator, and the existing rig's stream says so.
    private async Task RecordSuspectedCloneAsync(IReadOnlyList<RigIdentityClaim> claims, Actor actor, string maker, string serial,
        string certificateNumber, string serialKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var matchedOn = claims.Select(c => c.Id == serialKey ? "factory_serial" : "certificate_number").ToList();
        foreach (var existing in claims.GroupBy(c => c.RigId).Select(g => g.First()))
        {
            var suspected = new SuspectedClone(Guid.CreateVersion7(), existing.RigId, existing.OwnerId, actor.EnterpriseId!.Value, actor.AccountId,
                maker, serial, certificateNumber, matchedOn, now);
            session.Store(suspected);
            var stream = await session.Events.FetchForWriting<Rig>(existing.RigId, cancellationToken);
            stream.AppendOne(new RigIdentityContested(existing.RigId, suspected.Id, suspected.ClaimantOwnerId, actor.AccountId, maker, serial,
                certificateNumber, matchedOn, now));
        }

        throw new RecordedRefusalException(EquipmentRules.DuplicateIdentity, ("matchedOn", string.Join(",", matchedOn)));
    }
}
