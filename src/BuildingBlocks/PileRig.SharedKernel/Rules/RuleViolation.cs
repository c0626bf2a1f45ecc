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
public sealed class RuleViolationException(RuleViolation violation) : Exception(violation.Rule.Code)
{
    public RuleViolation Violation { get; } = violation;

    public RuleViolationException(RuleCode rule, params (string Name, object? Value)[] args)
        : this(RuleViolation.Of(rule, args)) { }
}
