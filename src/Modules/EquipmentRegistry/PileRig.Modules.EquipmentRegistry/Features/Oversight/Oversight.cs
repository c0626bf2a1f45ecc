using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PileRig.BuildingBlocks.Http;
using PileRig.BuildingBlocks.Persistence;
using PileRig.BuildingBlocks.Localization;
using PileRig.Modules.EquipmentRegistry.Domain;
using PileRig.Modules.EquipmentRegistry.Infrastructure;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.Errors;
using PileRig.BuildingBlocks.Mediation;
using PileRig.SharedKernel.Rules;

namespace PileRig.Modules.EquipmentRegistry.Features.Oversight;

public sealed record RigTypeView(string Code, string Name, string NameZh, string NameEn);

public sealed record ListRigTypes : IQuery<IReadOnlyList<RigTypeView>>;

public sealed class ListRigTypesHandler(IQuerySession session) : IQueryHandler<ListRigTypes, IReadOnlyList<RigTypeView>>
{
    public async ValueTask<IReadOnlyList<RigTypeView>> Handle(ListRigTypes query, CancellationToken cancellationToken) =>
        (await session.Query<RigType>().OrderBy(t => t.SortOrder).ToListAsync(cancellationToken))
        .Select(t => new RigTypeView(t.Id, Language.IsEnglish ? t.NameEn : t.NameZh, t.NameZh, t.NameEn)).ToList();
}

/// <summary>The admin adds a rig type: types are data, so a new kind of machine needs no release.</summary>
public sealed record AddRigType([property: MaxLength(40)] string? Code, [property: MaxLength(50)] string? NameZh, [property: MaxLength(100)] string? NameEn) : ICommand<RigTypeView>, IRetriedOnConflict;

public sealed partial class AddRigTypeValidator : AbstractValidator<AddRigType>
{
    public AddRigTypeValidator()
    {
        RuleFor(c => c.Code).NotEmpty().WithRule(CommonRules.Required).Must(c => CodePattern().IsMatch(c!)).WithRule(CommonRules.InvalidValue);
        RuleFor(c => c.NameZh).RequiredText(50);
        RuleFor(c => c.NameEn).RequiredText(100);
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z][a-z0-9_]{1,39}$")]
    private static partial System.Text.RegularExpressions.Regex CodePattern();
}

public sealed class AddRigTypeHandler(IDocumentSession session) : ICommandHandler<AddRigType, RigTypeView>
{
    public async ValueTask<RigTypeView> Handle(AddRigType command, CancellationToken cancellationToken)
    {
        var code = command.Code!.Trim();
        if (await session.LoadAsync<RigType>(code, cancellationToken) is not null)
        {
            throw new RuleViolationException(EquipmentRules.RigTypeExists, ("code", code));
        }

        var type = new RigType(code, command.NameZh!.Trim(), command.NameEn!.Trim(), 50);
        session.Insert(type);
        return new RigTypeView(type.Id, Language.IsEnglish ? type.NameEn : type.NameZh, type.NameZh, type.NameEn);
    }
}

/// <summary>Both sides of every refused duplicate identity claim (suspected 套牌), newest first, a page at a time.</summary>
public sealed record ListSuspectedClones(string? Cursor, int PageSize) : IQuery<Page<SuspectedClone>>;

public sealed class ListSuspectedClonesHandler(IQuerySession session, RequestContext context) : IQueryHandler<ListSuspectedClones, Page<SuspectedClone>>
{
    public async ValueTask<Page<SuspectedClone>> Handle(ListSuspectedClones query, CancellationToken cancellationToken) =>
        await OversightScope.OfRegulator(new KeysetQuery<SuspectedClone>("equipment_registry.mt_doc_suspectedclone d"), "d.existing_rig_id", context.Actor)
            .OrderById(descending: true).PageAsync(session, query.Cursor, query.PageSize, c => c.Id, cancellationToken);
}

/// <summary>Failed scans: codes not issued by the platform (forged or mistyped), unknown or revoked codes; newest first.</summary>
public sealed record ListScanAttempts(string? Cursor, int PageSize) : IQuery<Page<ScanAttempt>>;

public sealed class ListScanAttemptsHandler(IQuerySession session, RequestContext context) : IQueryHandler<ListScanAttempts, Page<ScanAttempt>>
{
    public async ValueTask<Page<ScanAttempt>> Handle(ListScanAttempts query, CancellationToken cancellationToken) =>
        await OversightScope.OfRegulator(new KeysetQuery<ScanAttempt>("equipment_registry.mt_doc_scanattempt d"), "d.rig_id", context.Actor)
            .OrderById(descending: true).PageAsync(session, query.Cursor, query.PageSize, a => a.Id, cancellationToken);
}

/// <summary>A regulator's oversight covers the rigs entered, flagged or spot-checked in its jurisdictions; the admin's everything.</summary>
public static class OversightScope
{
    /// <summary>Keeps the rows whose rig (in <paramref name="rigColumn"/>) is within the regulator's jurisdictions; the admin's list is whole.</summary>
    public static KeysetQuery<T> OfRegulator<T>(KeysetQuery<T> list, string rigColumn, SharedKernel.Identity.Actor actor) =>
        actor.Role != SharedKernel.Identity.Roles.Regulator
            ? list
            : list.Where($"{rigColumn} is not null and exists (select 1 from equipment_registry.mt_doc_rig r where r.id = {rigColumn} and r.jurisdictions && ?::text[])",
                (object)actor.Jurisdictions.ToArray());
}

/// <summary>For clients that scan (the engineer's phone): what a code refers to, or a refusal that is recorded.</summary>
public sealed record CodeResolution(string ItemCode, Guid RigId, Guid? ComponentId, ComponentKind? ComponentKind);

public static class OversightEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/rig-types", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListRigTypes(), ct)))
            .AllowAnonymous().WithTags("Rigs").WithSummary("Rig types (data, zh-CN or English)");
        api.MapPost("/rig-types", async (AddRigType command, ISender sender, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/rig-types/{command.Code}", await sender.Send(command, ct)))
            .RequireAuthorization(Policies.Admin).WithTags("Rigs").WithSummary("Add a rig type (admin)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/suspected-clones", async (string? cursor, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListSuspectedClones(cursor, Keyset.PageSize(pageSize)), ct)))
            .RequireAuthorization(Policies.Oversight).WithTags("Oversight").WithSummary("Refused duplicate identity claims with both sides (admin, regulators)");
        api.MapGet("/scan-attempts", async (string? cursor, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListScanAttempts(cursor, Keyset.PageSize(pageSize)), ct)))
            .RequireAuthorization(Policies.Oversight).WithTags("Oversight").WithSummary("Failed scans: forged, unknown or revoked codes (admin, regulators)");
        api.MapGet("/codes/{token}", async (string token, ISender sender, CancellationToken ct) =>
            {
                var result = await sender.Send(new PublicScan.ResolveScannedCode(token), ct);
                return result.Outcome == ScanOutcome.Valid
                    ? TypedResults.Ok(new CodeResolution(result.Binding!.Id, result.Binding.RigId, result.Binding.ComponentId, result.Binding.ComponentKind))
                    : throw new RuleViolationException(CodeRules.For(result.Outcome));
            })
            .RequireAuthorization(Policies.Ready).RequireRateLimiting(RateLimitPolicies.CodeLookups).WithTags("Rigs")
            .WithSummary("Resolve a scanned code (label URL or bare code); failures are recorded; limited per account")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone);
    }
}

public static class CodeRules
{
    public static readonly RuleCode NotIssued = new("equipment_registry.code_not_issued", RuleKind.NotFound,
        "非平台签发的二维码，已记录", "This code was not issued by the platform; the attempt was recorded");

    public static readonly RuleCode Revoked = new("equipment_registry.code_revoked", RuleKind.Conflict,
        "此二维码已作废（构件已退役），已记录", "This code was revoked (its component was retired); the attempt was recorded");

    /// <summary>The refusal for a scan that did not resolve to a live code.</summary>
    public static RuleViolation For(ScanOutcome outcome) => RuleViolation.Of(outcome == ScanOutcome.Revoked ? Revoked : NotIssued);
}
