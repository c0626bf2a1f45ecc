using PileRig.SharedKernel.Rules;

namespace PileRig.BuildingBlocks.Mediation;

/// <summary>
/// What the loser of an optimistic race on this command is told, given by the handler that knows what the race was
/// about (an entry losing its rig: "now in use on project X"). The unit of work asks for it when the save loses;
/// without one, a lost race is the generic 409 <c>concurrency.conflict</c>. Scoped: one per command.
/// </summary>
public sealed class LostRaceAnswer
{
    private Func<CancellationToken, Task<RuleViolation>>? _answer;

    /// <summary>Called after the save lost, so it can read what the winner left.</summary>
    public void Use(Func<CancellationToken, Task<RuleViolation>> answer) => _answer = answer;

    public bool IsGiven => _answer is not null;

    public Task<RuleViolation> AnswerAsync(CancellationToken cancellationToken) =>
        _answer is { } answer ? answer(cancellationToken) : throw new InvalidOperationException("No answer was given for a lost race.");
}
