using Microsoft.Extensions.Logging;

namespace PileRig.Modules.Personnel.Infrastructure;

/// <summary>A message for a person outside the platform: SMS, WeChat template message.</summary>
public sealed record OutboundMessage(string NotificationId, Guid AccountId, string Mobile, string Text);

/// <summary>
/// Where notifications leave the platform. The default writes to the log; an SMS gateway or WeChat template-message
/// adapter implements this and is registered in place of it. Throw <see cref="NotificationChannelUnavailableException"/>
/// when the gateway is down: the message is retried later, and survives a restart meanwhile.
/// </summary>
public interface INotificationChannel
{
    string Name { get; }

    Task SendAsync(OutboundMessage message, CancellationToken cancellationToken);
}

public sealed class NotificationChannelUnavailableException(string message) : Exception(message);

public sealed partial class LogNotificationChannel(ILogger<LogNotificationChannel> logger) : INotificationChannel
{
    public string Name => "log";

    public Task SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        LogSent(logger, MaskMobile(message.Mobile), message.NotificationId, message.Text);
        return Task.CompletedTask;
    }

    // The log is read by more people than the inbox: keep the number out of it.
    private static string MaskMobile(string mobile) => mobile.Length >= 7 ? $"{mobile[..3]}****{mobile[^4..]}" : "****";

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification to {Mobile} ({NotificationId}): {Text}")]
    private static partial void LogSent(ILogger logger, string mobile, string notificationId, string text);
}
