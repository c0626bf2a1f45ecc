using System.Security.Cryptography;
using System.Text;
using Marten;
using PileRig.Modules.EquipmentRegistry.Contracts;
using PileRig.Modules.Personnel.Domain;
using PileRig.SharedKernel.Identity;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace PileRig.Modules.Personnel.Infrastructure;

/// <summary>Sends one inbox notification's outbound copy; its own message, so a failing gateway only delays this.</summary>
public sealed record DeliverOutboundNotification(string NotificationId);

/// <summary>
/// Turns the registry's notices into inbox notifications for whoever must know (Personnel knows the accounts), and
/// queues each outbound copy. Wolverine handlers on durable local queues: nothing is lost to a restart.
/// </summary>
public static class RigNoticeConsumer
{
    public static async Task<OutgoingMessages> Handle(RigFlaggedIntegrationEvent notice, IDocumentSession session, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var recipients = await RecipientsAsync(session, notice.OwnerId, notice.FirmId, notice.JurisdictionCode, cancellationToken);
        return await NotifyAsync(session, recipients, $"flag:{notice.FlagId}", NotificationTexts.For(notice), notice.RigId, clock, cancellationToken);
    }

    public static async Task<OutgoingMessages> Handle(RigExpiryApproachingIntegrationEvent notice, IDocumentSession session, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var recipients = await RecipientsAsync(session, notice.OwnerId, notice.FirmId, notice.JurisdictionCode, cancellationToken);
        return await NotifyAsync(session, recipients, $"expiry:{notice.RigId}:{notice.Document}:{notice.EndsOn:yyyyMMdd}", NotificationTexts.For(notice),
            notice.RigId, clock, cancellationToken);
    }

    // Who hears of a rig: its owner's enterprise account; for a rig in use, the firm using it and the regulators of the
    // jurisdiction it is in.
    private static async Task<IReadOnlyList<Account>> RecipientsAsync(IDocumentSession session, Guid ownerId, Guid? firmId, string? jurisdictionCode,
        CancellationToken cancellationToken)
    {
        var enterprises = new[] { (Guid?)ownerId, firmId }.OfType<Guid>().ToArray();
        return await session.Query<Account>()
            .Where(a => a.Status == AccountStatus.Active
                        && ((a.EnterpriseId != null && enterprises.Contains(a.EnterpriseId.Value)
                             && (a.Role == Roles.RigOwner || a.Role == Roles.SupervisionFirm))
                            || (jurisdictionCode != null && a.Role == Roles.Regulator && a.Jurisdictions.Contains(jurisdictionCode))))
            .ToListAsync(cancellationToken);
    }

    private static async Task<OutgoingMessages> NotifyAsync(IDocumentSession session, IReadOnlyList<Account> recipients, string cause,
        (string Kind, string TitleZh, string TitleEn, string BodyZh, string BodyEn) text, Guid? rigId, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var outgoing = new OutgoingMessages();
        foreach (var account in recipients)
        {
            var id = NotificationId(cause, account.Id);
            if (await session.LoadAsync<InboxNotification>(id, cancellationToken) is not null)
            {
                continue; // a redelivered notice
            }

            var hasMobile = !string.IsNullOrWhiteSpace(account.Mobile);
            session.Insert(new InboxNotification(id, account.Id, text.Kind, text.TitleZh, text.TitleEn, text.BodyZh, text.BodyEn, rigId,
                clock.GetUtcNow(), null, hasMobile ? OutboundStatus.Pending : OutboundStatus.NoAddress, null, 0, null));
            if (hasMobile)
            {
                outgoing.Add(new DeliverOutboundNotification(id));
            }
        }

        return outgoing;
    }

    private static string NotificationId(string cause, Guid accountId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{cause}|{accountId:N}")))[..32];
}

/// <summary>Hands a notification to the outbound channel and records the outcome on the inbox item.</summary>
public static class OutboundNotificationSender
{
    /// <summary>A gateway that is down is retried with growing pauses; each retry is persisted, so a restart resumes it.</summary>
    public static void Configure(HandlerChain chain) =>
        chain.OnException<NotificationChannelUnavailableException>()
            .ScheduleRetry(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5),
                TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(6));

    public static async Task Handle(DeliverOutboundNotification message, IDocumentSession session, INotificationChannel channel, Envelope envelope,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var notification = await session.LoadAsync<InboxNotification>(message.NotificationId, cancellationToken);
        if (notification is null || notification.Outbound != OutboundStatus.Pending)
        {
            return;
        }

        var account = await session.LoadAsync<Account>(notification.AccountId, cancellationToken);
        await channel.SendAsync(new OutboundMessage(notification.Id, notification.AccountId, account?.Mobile ?? "",
            $"【PileRig】{notification.BodyZh}"), cancellationToken);
        session.Store(notification with
        {
            Outbound = OutboundStatus.Sent,
            OutboundChannel = channel.Name,
            OutboundAttempts = envelope.Attempts,
            OutboundSentAt = clock.GetUtcNow(),
        });
    }
}
