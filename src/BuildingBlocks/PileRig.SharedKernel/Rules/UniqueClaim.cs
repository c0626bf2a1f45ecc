namespace PileRig.SharedKernel.Rules;

/// <summary>
/// A document whose id is a value that may be claimed once (a username, a credit code, a rig's maker + serial, a QR
/// code). Handlers check for it first and refuse with a named rule; when two requests pass that check at the same
/// moment, the database's primary key lets one insert win, and the unit of work answers the loser with
/// <see cref="LostRace"/>, the same rule it would have met a moment later. See ADR 0014.
/// </summary>
public interface IUniqueClaim
{
    /// <summary>The document's id, as Marten reports it in <c>DocumentAlreadyExistsException.Id</c>.</summary>
    object ClaimedValue { get; }

    /// <summary>What the loser of a race for this value is told.</summary>
    RuleViolation LostRace();
}
