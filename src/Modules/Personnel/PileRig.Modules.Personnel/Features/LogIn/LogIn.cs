using PileRig.BuildingBlocks.Mediation;
using FluentValidation;
using Mediator;
using PileRig.BuildingBlocks.Errors;
using PileRig.Modules.Personnel.Domain;
using PileRig.SharedKernel.Rules;

namespace PileRig.Modules.Personnel.Features.LogIn;

/// <summary>Two devices logging in to one account at once both succeed: the loser of the race on the account's stream decides again.</summary>
/// <remarks>A wrong password is refused with the failed attempt (and a lockout) saved: a <c>RecordedRefusalException</c>.</remarks>
public sealed record LogIn(string? Username, string? Password) : ICommand<Account>, IRetriedOnConflict;

public sealed class LogInValidator : AbstractValidator<LogIn>
{
    public LogInValidator()
    {
        RuleFor(c => c.Username).NotEmpty().WithRule(CommonRules.Required);
        RuleFor(c => c.Password).NotEmpty().WithRule(CommonRules.Required);
    }
}
