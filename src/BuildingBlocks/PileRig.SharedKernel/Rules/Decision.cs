namespace PileRig.SharedKernel.Rules;

/// <summary>
/// The outcome of a pure decision: the events to append, or the rule that refused. Decisions never throw and never
/// touch a database, so they are unit-tested as plain functions.
/// </summary>
public readonly record struct Decision
{
    private Decision(IReadOnlyList<object> events, RuleViolation? violation)
    {
        Events = events;
        Violation = violation;
    }

    public IReadOnlyList<object> Events { get; }

    public RuleViolation? Violation { get; }

    public bool IsRefused => Violation is not null;

    public static Decision Accept(params object[] events) => new(events, null);

    public static Decision Refuse(RuleCode rule, params (string Name, object? Value)[] args) =>
        new([], RuleViolation.Of(rule, args));

    public static implicit operator Decision(RuleViolation violation) => new([], violation);

    /// <summary>The events, or a <see cref="RuleViolationException"/> for the handler's caller.</summary>
    public IReadOnlyList<object> EventsOrThrow() =>
        Violation is null ? Events : throw new RuleViolationException(Violation);
}
