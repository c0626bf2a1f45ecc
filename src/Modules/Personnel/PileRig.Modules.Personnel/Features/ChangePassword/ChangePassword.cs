using FluentValidation;
using Mediator;
using PileRig.BuildingBlocks.Errors;
using PileRig.Modules.Personnel.Domain;
using PileRig.SharedKernel.Rules;
using PileRig.SharedKernel.Values;

namespace PileRig.Modules.Personnel.Features.ChangePassword;

public sealed record ChangePassword(string? CurrentPassword, string? NewPassword) : ICommand<Account>;

public sealed class ChangePasswordValidator : AbstractValidator<ChangePassword>
{
    public ChangePasswordValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().WithRule(CommonRules.Required);
        RuleFor(c => c.NewPassword).Must(PasswordPolicy.IsSatisfiedBy).WithRule(PersonnelRules.PasswordPolicy)
            .NotEqual(c => c.CurrentPassword).WithRule(PersonnelRules.PasswordUnchanged);
    }
}
