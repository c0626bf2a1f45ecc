using Marten;
using PileRig.BuildingBlocks.Auditing;
using PileRig.Modules.EquipmentRegistry.Domain;
using PileRig.Modules.EquipmentRegistry.Infrastructure;
using PileRig.SharedKernel.Identity;
using PileRig.SharedKernel.Rules;
using PileRig.SharedKernel.Values;

namespace PileRig.Modules.EquipmentRegistry.Features;

public sealed record CodeView(string ItemCode, string Url);

public sealed record ComponentView(Guid ComponentId, ComponentKind Kind, string Serial, bool Structural, CodeView Code);

/// <summary>A rig as its owner (and the admin, and regulators) see it, with the URL each label carries.</summary>
public sealed record RigView(
    Guid RigId,
    Guid OwnerId,
    string TypeCode,
    string Maker,
    string Model,
    string FactorySerial,
    DateOnly ManufactureDate,
    string CertificateNumber,
    StoredFileRef CertificateFile,
    DateOnly? CertificateValidUntil,
    decimal RatedMaxHeightMetres,
    bool TopMountedPowerHead,
    int PowerHeadCount,
    IReadOnlyList<StoredFileRef> Photos,
    CodeView BaseUnit,
    IReadOnlyList<ComponentView> Components,
    IReadOnlyList<ComponentView> RetiredComponents,
    RigStatus Status,
    CurrentUsage? Usage,
    IReadOnlyList<OpenFlag> OpenFlags,
    int ContestedClaims,
    DateTimeOffset RegisteredAt,
    long Version)
{
    public static RigView From(Rig rig, QrCodes codes)
    {
        var d = rig.Description;
        ComponentView Component(RigComponent c) => new(c.Id, c.Kind, c.Serial, c.Structural, new CodeView(c.Code, codes.UrlFor(c.Code)));
        return new RigView(rig.Id, rig.OwnerId, d.TypeCode, d.Maker, d.Model, d.FactorySerial, d.ManufactureDate, d.CertificateNumber,
            d.CertificateFile, d.CertificateValidUntil, d.RatedMaxHeightMetres, d.TopMountedPowerHead, d.PowerHeadCount, d.Photos,
            new CodeView(rig.BaseUnitCode, codes.UrlFor(rig.BaseUnitCode)), rig.Components.Select(Component).ToList(),
            rig.Retired.Select(Component).ToList(), rig.Status, rig.Usage, rig.OpenFlags, rig.ContestedClaims, rig.RegisteredAt, rig.Version);
    }
}

public static class RigAccess
{
    public static async Task<Rig> RequireReadableAsync(IQuerySession session, Guid rigId, Actor actor, CancellationToken cancellationToken)
    {
        var rig = await session.LoadAsync<Rig>(rigId, cancellationToken);
        return rig is not null && (RigDecisions.MayRead(rig, actor) || await HadOnItsProjectsAsync(session, rig, actor, cancellationToken))
            ? rig
            : throw new RuleViolationException(EquipmentRules.NotYourRig);
    }

    // A supervision firm, and its engineers, read a rig that has been registered for use on one of the firm's projects:
    // on site they check its history before acting on it. Verified but never entered is not enough.
    private static async Task<bool> HadOnItsProjectsAsync(IQuerySession session, Rig rig, Actor actor, CancellationToken cancellationToken) =>
        actor.Role is Roles.SupervisionFirm or Roles.Engineer && actor.EnterpriseId is { } firm
        && await session.Query<Supervision.UsageRecord>().AnyAsync(u => u.RigId == rig.Id && u.FirmId == firm, cancellationToken);

    /// <summary>The owner's write path: the stream at its current version, or 404 for anyone else's rig.</summary>
    public static async Task<JasperFx.Events.IEventStream<Rig>> RequireOwnStreamAsync(IDocumentSession session, Guid rigId, RequestContext context,
        CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<Rig>(rigId, cancellationToken);
        return stream.Aggregate is { } rig && RigDecisions.MayChange(rig, context.Actor)
            ? stream
            : throw new RuleViolationException(EquipmentRules.NotYourRig);
    }

    /// <summary>Binds a freshly issued code to its item; the code is the document id, so it can be bound only once.</summary>
    public static void Bind(IDocumentSession session, string itemCode, Guid rigId, RigComponent? component, DateTimeOffset now) =>
        session.Insert(new QrBinding(itemCode, rigId, component?.Id, component?.Kind, false, now, null));

    public static async Task RevokeAsync(IDocumentSession session, string itemCode, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var binding = await session.LoadAsync<QrBinding>(itemCode, cancellationToken);
        if (binding is not null)
        {
            session.Store(binding with { Revoked = true, RevokedAt = now });
        }
    }
}
