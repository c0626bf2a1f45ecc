using JasperFx.Events;
using Marten;
using PileRig.Modules.Personnel.Domain;
using PileRig.SharedKernel.Identity;
using PileRig.SharedKernel.Rules;

namespace PileRig.Modules.Personnel.Infrastructure;

public static class EngineerStreams
{
    /// <summary>An engineer's account stream for a change by their own firm; "not found" for anyone else's.</summary>
    public static async Task<IEventStream<Account>> RequireOwnAsync(IDocumentSession session, Guid engineerId, Actor firm,
        CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<Account>(engineerId, cancellationToken);
        return stream.Aggregate is { } engineer && AccountDecisions.IsManagedBy(engineer, firm)
            ? stream
            : throw new RuleViolationException(PersonnelRules.NotAnEngineerOfYours);
    }
}
