using FluentValidation;
using FluentValidation.Results;
using PileRig.SharedKernel.Rules;

namespace PileRig.BuildingBlocks.Errors;

/// <summary>One field that failed validation, with the rule it broke and that rule's arguments.</summary>
public sealed record FieldError(string Field, RuleCode Rule, IReadOnlyDictionary<string, object?> Args)
{
    public static FieldError From(ValidationFailure failure)
    {
        var field = ToCamelCasePath(failure.PropertyName);
        return failure.CustomState is RuleViolation violation
            ? new FieldError(field, violation.Rule, violation.Args)
            : new FieldError(field, CommonRules.InvalidValue, new Dictionary<string, object?>());
    }

    private static string ToCamelCasePath(string path) =>
        string.Join('.', path.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
}

/// <summary>Thrown by the validation behaviour; answered with 400 listing every field.</summary>
public sealed class InputValidationException(IReadOnlyList<FieldError> errors) : Exception("Input validation failed")
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;

    public InputValidationException(string field, RuleCode rule, params (string Name, object? Value)[] args)
        : this([new FieldError(field, rule, args.ToDictionary(a => a.Name, a => a.Value))]) { }
}

/// <summary>Attach a <see cref="RuleCode"/> to a FluentValidation rule so the error carries its code and both messages.</summary>
public static class RuleBuilderExtensions
{
    public static IRuleBuilderOptions<T, TProperty> WithRule<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule,
        RuleCode code, params (string Name, object? Value)[] args) =>
        rule.WithErrorCode(code.Code).WithMessage(code.En).WithState(_ => RuleViolation.Of(code, args));

    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.NotEmpty().WithRule(CommonRules.Required)
            .MaximumLength(maxLength).WithRule(CommonRules.TooLong, ("max", maxLength));
}
