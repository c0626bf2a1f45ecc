using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.Http;
using PileRig.Modules.EquipmentRegistry.Domain;
using PileRig.Modules.EquipmentRegistry.Infrastructure;
using PileRig.SharedKernel.Identity;
using PileRig.SharedKernel.Rules;
using LabelRenderer = PileRig.Modules.EquipmentRegistry.Infrastructure.Labels;

namespace PileRig.Modules.EquipmentRegistry.Features.Labels;

/// <summary>The labels of a rig's whole active set: base unit first, then its components.</summary>
public sealed record GetRigLabels(Guid RigId) : IQuery<IReadOnlyList<LabelItem>>;

public sealed class GetRigLabelsHandler(IQuerySession session, QrCodes codes, RequestContext context) : IQueryHandler<GetRigLabels, IReadOnlyList<LabelItem>>
{
    public async ValueTask<IReadOnlyList<LabelItem>> Handle(GetRigLabels query, CancellationToken cancellationToken)
    {
        var rig = await session.LoadAsync<Rig>(query.RigId, cancellationToken);
        if (rig is null || !(RigDecisions.MayChange(rig, context.Actor) || context.Actor.IsAdmin))
        {
            throw new RuleViolationException(EquipmentRules.NotYourRig);
        }

        LabelItem Item(string code, ComponentKind? kind, string serial)
        {
            var (zh, en) = LabelRenderer.KindNames(kind);
            return new LabelItem(code, codes.UrlFor(code), zh, en, serial, rig.BaseUnitCode);
        }

        return [Item(rig.BaseUnitCode, null, rig.Description.FactorySerial), .. rig.Components.Select(c => Item(c.Code, c.Kind, c.Serial))];
    }
}

public static class LabelsEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/rigs/{rigId:guid}/labels", async (Guid rigId, ISender sender, CancellationToken ct) =>
                Results.Content(LabelRenderer.PrintPage($"PileRig labels {rigId}", await sender.Send(new GetRigLabels(rigId), ct)), "text/html; charset=utf-8"))
            .RequireAuthorization(Policies.Ready).WithTags("Labels")
            .WithSummary("Print-ready A4 page of the rig's whole label set (3 × 7 labels of 63.5 × 38.1 mm)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/rigs/{rigId:guid}/labels.pdf", async (Guid rigId, ISender sender, CancellationToken ct) =>
                Results.File(LabelPdf.Sheet($"PileRig labels {rigId}", await sender.Send(new GetRigLabels(rigId), ct)), "application/pdf", $"labels-{rigId}.pdf"))
            .RequireAuthorization(Policies.Ready).WithTags("Labels")
            .WithSummary("The same label sheet as a PDF (A4, Chinese text in a bundled font)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/rigs/{rigId:guid}/labels/{itemCode}.png", async (Guid rigId, string itemCode, ISender sender, CancellationToken ct) =>
                Results.File(LabelRenderer.Png(await UrlOf(rigId, itemCode, sender, ct)), "image/png", itemCode + ".png"))
            .RequireAuthorization(Policies.Ready).WithTags("Labels").WithSummary("One item's QR symbol as PNG (error correction Q)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/rigs/{rigId:guid}/labels/{itemCode}.svg", async (Guid rigId, string itemCode, ISender sender, CancellationToken ct) =>
            {
                var item = await ItemOf(rigId, itemCode, sender, ct);
                return Results.Content(LabelRenderer.Svg(item), "image/svg+xml; charset=utf-8");
            })
            .RequireAuthorization(Policies.Ready).WithTags("Labels").WithSummary("One item's label as SVG: QR, kind, serial and the rig's short id")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<string> UrlOf(Guid rigId, string itemCode, ISender sender, CancellationToken ct) =>
        (await ItemOf(rigId, itemCode, sender, ct)).Url;

    private static async Task<LabelItem> ItemOf(Guid rigId, string itemCode, ISender sender, CancellationToken ct) =>
        (await sender.Send(new GetRigLabels(rigId), ct)).FirstOrDefault(i => string.Equals(i.ItemCode, itemCode, StringComparison.OrdinalIgnoreCase))
        ?? throw new RuleViolationException(EquipmentRules.UnknownLabel);
}
