using Marten;
using PileRig.Modules.EquipmentRegistry.Contracts;
using PileRig.Modules.Projects.Domain;

namespace PileRig.Modules.Projects.Infrastructure;

/// <summary>
/// The project's own record of rigs entering and leaving, from the equipment registry's integration events, appended to
/// the project's stream (so its history shows them) and feeding the "complete only when empty" rule.
/// </summary>
public static class RigUsageConsumer
{
    public static async Task Handle(RigEnteredProjectIntegrationEvent message, IDocumentSession session, CancellationToken cancellationToken) =>
        await AppendAsync(session, message.ProjectId, p => p.EnteredUsages.Contains(message.UsageId)
            ? null
            : new RigEnteredProject(message.ProjectId, message.RigId, message.UsageId, message.At), cancellationToken);

    public static async Task Handle(RigExitedProjectIntegrationEvent message, IDocumentSession session, CancellationToken cancellationToken) =>
        await AppendAsync(session, message.ProjectId, p => p.LeftUsages.Contains(message.UsageId)
            ? null
            : new RigLeftProject(message.ProjectId, message.RigId, message.UsageId, message.At), cancellationToken);

    // Redelivery is harmless (an event already reflected is not appended twice) and so is disorder: an exit delivered
    // before its entry is recorded all the same, and the usage is never counted as open.
    private static async Task AppendAsync(IDocumentSession session, Guid projectId, Func<Project, object?> decide, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<Project>(projectId, cancellationToken);
        if (stream.Aggregate is { } project && decide(project) is { } change)
        {
            stream.AppendOne(change);
        }
    }
}
