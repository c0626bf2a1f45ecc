using Marten;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PileRig.BuildingBlocks.Auditing;
using PileRig.BuildingBlocks.Http;
using PileRig.BuildingBlocks.Localization;
using PileRig.Modules.Personnel.Domain;
using PileRig.SharedKernel.Rules;

namespace PileRig.Modules.Personnel.Features.Notifications;

/// <summary>An inbox item in the request's language, with what became of its SMS / WeChat copy.</summary>
public sealed record NotificationView(string Id, string Kind, string Title, string Body, Guid? RigId, DateTimeOffset CreatedAt, bool Read,
    OutboundStatus Outbound, string? OutboundChannel, int OutboundAttempts, DateTimeOffset? OutboundSentAt)
{
    public static NotificationView From(InboxNotification n) => new(n.Id, n.Kind, Language.IsEnglish ? n.TitleEn : n.TitleZh,
        Language.IsEnglish ? n.BodyEn : n.BodyZh, n.RigId, n.CreatedAt, n.ReadAt is not null, n.Outbound, n.OutboundChannel, n.OutboundAttempts,
        n.OutboundSentAt);
}

public sealed record Inbox(IReadOnlyList<NotificationView> Items, int Unread);

/// <summary>The signed-in account's notifications, newest first (the latest 100, or only the unread).</summary>
public sealed record GetInbox(bool UnreadOnly) : IQuery<Inbox>;

public sealed class GetInboxHandler(IQuerySession session, RequestContext context) : IQueryHandler<GetInbox, Inbox>
{
    public async ValueTask<Inbox> Handle(GetInbox query, CancellationToken cancellationToken)
    {
        var mine = session.Query<InboxNotification>().Where(n => n.AccountId == context.Actor.AccountId);
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        var items = await (query.UnreadOnly ? mine.Where(n => n.ReadAt == null) : mine)
            .OrderByDescending(n => n.CreatedAt).Take(100).ToListAsync(cancellationToken);
        return new Inbox(items.Select(NotificationView.From).ToList(), unread);
    }
}

/// <summary>Marks one notification read, or all of them when <c>NotificationId</c> is null.</summary>
public sealed record MarkNotificationsRead(string? NotificationId) : ICommand<int>;

public sealed class MarkNotificationsReadHandler(IDocumentSession session, RequestContext context, TimeProvider clock)
    : ICommandHandler<MarkNotificationsRead, int>
{
    public async ValueTask<int> Handle(MarkNotificationsRead command, CancellationToken cancellationToken)
    {
        var unread = session.Query<InboxNotification>().Where(n => n.AccountId == context.Actor.AccountId && n.ReadAt == null);
        if (command.NotificationId is { } id)
        {
            var one = await session.LoadAsync<InboxNotification>(id, cancellationToken);
            if (one is null || one.AccountId != context.Actor.AccountId)
            {
                throw new RuleViolationException(PersonnelRules.NotificationNotFound);
            }

            unread = unread.Where(n => n.Id == id);
        }

        var now = clock.GetUtcNow();
        var items = await unread.ToListAsync(cancellationToken);
        foreach (var item in items)
        {
            session.Store(item with { ReadAt = now });
        }

        return items.Count;
    }
}

public sealed record ReadCount(int Marked);

public static class NotificationsEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/notifications", async (bool? unread, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetInbox(unread ?? false), ct)))
            .RequireAuthorization(Policies.SignedIn).WithTags("Notifications")
            .WithSummary("The signed-in account's inbox: flags on its rigs or projects or in its jurisdictions, expiring certificates");
        api.MapPost("/notifications/{id}/read", async (string id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(new ReadCount(await sender.Send(new MarkNotificationsRead(id), ct))))
            .RequireAuthorization(Policies.SignedIn).WithTags("Notifications").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/notifications/read", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(new ReadCount(await sender.Send(new MarkNotificationsRead(null), ct))))
            .RequireAuthorization(Policies.SignedIn).WithTags("Notifications").WithSummary("Marks every notification read");
    }
}
