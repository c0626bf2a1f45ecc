using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.Errors;
using PileRig.BuildingBlocks.Http;
using PileRig.BuildingBlocks.Mediation;
using PileRig.BuildingBlocks.Localization;
using PileRig.Modules.Projects.Domain;
using PileRig.SharedKernel.Rules;
using PileRig.SharedKernel.Values;

namespace PileRig.Modules.Projects.Features.Jurisdictions;

/// <summary>A jurisdiction in the request's language (both names are given too).</summary>
public sealed record JurisdictionView(string Code, string Name, string NameZh, string NameEn, JurisdictionKind Kind, DateOnly ValidFrom,
    DateOnly? ValidTo, bool Current)
{
    public static JurisdictionView From(Jurisdiction j, DateOnly today) =>
        new(j.Code, Language.IsEnglish ? j.NameEn : j.NameZh, j.NameZh, j.NameEn, j.Kind, j.ValidFrom, j.ValidTo, j.IsCurrent(today));
}

/// <summary>The current list for new projects; <c>includeRetired</c> also lists retired ones (for history and admin).</summary>
public sealed record ListJurisdictions(bool IncludeRetired) : IQuery<IReadOnlyList<JurisdictionView>>;

public sealed class ListJurisdictionsHandler(IQuerySession session, TimeProvider clock) : IQueryHandler<ListJurisdictions, IReadOnlyList<JurisdictionView>>
{
    public async ValueTask<IReadOnlyList<JurisdictionView>> Handle(ListJurisdictions query, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(clock);
        var all = await session.Query<Jurisdiction>().OrderBy(j => j.Kind).ThenBy(j => j.Code).ToListAsync(cancellationToken);
        return all.Where(j => query.IncludeRetired || j.IsCurrent(today)).Select(j => JurisdictionView.From(j, today)).ToList();
    }
}

public sealed record AddJurisdiction([property: MaxLength(32)] string? Code, [property: MaxLength(50)] string? NameZh, [property: MaxLength(100)] string? NameEn, JurisdictionKind? Kind, DateOnly? ValidFrom)
    : ICommand<JurisdictionView>, IRetriedOnConflict;

public sealed partial class AddJurisdictionValidator : AbstractValidator<AddJurisdiction>
{
    public AddJurisdictionValidator()
    {
        RuleFor(c => c.Code).NotEmpty().WithRule(CommonRules.Required).Must(c => CodePattern().IsMatch(c!)).WithRule(ProjectRules.JurisdictionCodeFormat);
        RuleFor(c => c.NameZh).RequiredText(50);
        RuleFor(c => c.NameEn).RequiredText(100);
        RuleFor(c => c.Kind).NotNull().WithRule(CommonRules.Required);
    }

    [GeneratedRegex("^(\\d{6}|[a-z0-9-]{2,32})$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}

public sealed class AddJurisdictionHandler(IDocumentSession session, RequestContext context, TimeProvider clock) : ICommandHandler<AddJurisdiction, JurisdictionView>
{
    public async ValueTask<JurisdictionView> Handle(AddJurisdiction command, CancellationToken cancellationToken)
    {
        var code = command.Code!.Trim();
        var id = Jurisdiction.IdFor(code);
        if (await session.LoadAsync<Jurisdiction>(id, cancellationToken) is not null)
        {
            throw new RuleViolationException(ProjectRules.JurisdictionCodeTaken, ("code", code));
        }

        var now = clock.GetUtcNow();
        var added = new JurisdictionAdded(id, code, command.NameZh!.Trim(), command.NameEn!.Trim(), command.Kind!.Value,
            command.ValidFrom ?? ChinaTime.DayOf(now), context.Actor.AccountId, now);
        session.Events.StartStream<Jurisdiction>(id, added);
        return JurisdictionView.From(Jurisdiction.Create(added), ChinaTime.DayOf(now));
    }
}

public sealed record RetireJurisdiction(string Code, string? Reason) : ICommand<JurisdictionView>;

public sealed record RetireJurisdictionBody(string? Reason);

public sealed class RetireJurisdictionHandler(IDocumentSession session, RequestContext context, TimeProvider clock) : ICommandHandler<RetireJurisdiction, JurisdictionView>
{
    public async ValueTask<JurisdictionView> Handle(RetireJurisdiction command, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<Jurisdiction>(Jurisdiction.IdFor(command.Code), cancellationToken);
        var jurisdiction = stream.Aggregate ?? throw new RuleViolationException(ProjectRules.JurisdictionNotFound);
        var now = clock.GetUtcNow();
        var today = ChinaTime.DayOf(now);
        var events = ProjectDecisions.Retire(jurisdiction, today, command.Reason?.Trim(), context.Actor, now).EventsOrThrow();
        stream.AppendMany(events);
        return JurisdictionView.From(jurisdiction.Apply((JurisdictionRetired)events[0]), today);
    }
}

public static class JurisdictionsEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/jurisdictions", async (bool? includeRetired, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListJurisdictions(includeRetired ?? false), ct)))
            .AllowAnonymous()
            .WithTags("Jurisdictions")
            .WithSummary("工程属地: the current list (zh-CN by default, English with Accept-Language: en)");
        api.MapPost("/jurisdictions", async (AddJurisdiction command, ISender sender, CancellationToken ct) =>
            {
                var added = await sender.Send(command, ct);
                return TypedResults.Created($"/api/v1/jurisdictions/{added.Code}", added);
            })
            .RequireAuthorization(Policies.Admin)
            .WithTags("Jurisdictions")
            .WithSummary("Add a jurisdiction (admin)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/jurisdictions/{code}/retire", async (string code, RetireJurisdictionBody? body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new RetireJurisdiction(code, body?.Reason), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithTags("Jurisdictions")
            .WithSummary("Retire a jurisdiction (admin): no longer offered for new projects, history kept")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
