namespace PileRig.SharedKernel.Rules;

/// <summary>
/// A rule that refused a command, with the values its message names. One constructor only, so a refusal stored as an
/// idempotent answer reads back as it was written.
/// </summary>
public sealed record RuleViolation(RuleCode Rule, IReadOnlyDictionary<string, object?> Args)
{
    public static RuleViolation Of(RuleCode rule, params (string Name, object? Value)[] args) =>
        new(rule, args.ToDictionary(a => a.Name, a => a.Value));
}

/// <summary>Thrown by a handler when a decision refused; the one exception handler turns it into problem details.</summary>
public class RuleViolationException(RuleViolation violation) : Exception(violation.Rule.Code)
{
    public RuleViolation Violation { get; } = violation;

    public RuleViolationException(RuleCode rule, params (string Name, object? Value)[] args)
        : this(RuleViolation.Of(rule, args)) { }
}

/// <summary>
/// A refusal whose traces must be kept: a failed login (counted towards the lockout), a component scan refused on a
/// verification, a registration refused as a suspected clone. The unit of work saves what the handler staged before
/// throwing, then answers with the refusal — a refusal that would otherwise leave no record.
/// </summary>
public sealed class RecordedRefusalException(RuleViolation violation) : RuleViolationException(violation)
{
    public RecordedRefusalException(RuleCode rule, params (string Name, object? Value)[] args)
        : this(RuleViolation.Of(rule, args)) { }
}
