using PileRig.BuildingBlocks.Mediation;
using FluentValidation;
using Mediator;
using PileRig.BuildingBlocks.Errors;
using PileRig.Modules.Personnel.Domain;
using PileRig.SharedKernel.Rules;

namespace PileRig.Modules.Personnel.Features.LogIn;

/// <summary>Two devices logging in to one account at once both succeed: the loser of the race on the account's stream decides again.</summary>
public sealed record LogIn(string? Username, string? Password) : ICommand<LogInResult>, IRetriedOnConflict;

/// <summary>
/// A refused login is a result, not an exception: the failed attempt (and a lockout) must still be saved, and the
/// unit of work saves only when the handler returns.
/// </summary>
public sealed record LogInResult(Account? Account, RuleViolation? Refusal);

public sealed class LogInValidator : AbstractValidator<LogIn>
{
    public LogInValidator()
    {
        RuleFor(c => c.Username).NotEmpty().WithRule(CommonRules.Required);
        RuleFor(c => c.Password).NotEmpty().WithRule(CommonRules.Required);
    }
}
