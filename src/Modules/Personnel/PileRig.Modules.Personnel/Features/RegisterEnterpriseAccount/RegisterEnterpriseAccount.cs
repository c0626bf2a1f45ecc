using FluentValidation;
using Mediator;
using PileRig.BuildingBlocks.Errors;
using PileRig.Modules.Personnel.Domain;
using PileRig.SharedKernel.Identity;
using PileRig.SharedKernel.Rules;
using PileRig.SharedKernel.Values;

namespace PileRig.Modules.Personnel.Features.RegisterEnterpriseAccount;

/// <summary>A supervision firm or rig owner signs up. <c>Kind</c> is <c>supervision_firm</c> or <c>rig_owner</c>.</summary>
public sealed record RegisterEnterpriseAccount(string? Username, string? Password, string? Mobile, string? Kind)
    : ICommand<RegisteredAccount>;

public sealed record RegisteredAccount(Guid AccountId, Guid EnterpriseId, string Username, string Role);

public sealed class RegisterEnterpriseAccountValidator : AbstractValidator<RegisterEnterpriseAccount>
{
    public RegisterEnterpriseAccountValidator()
    {
        RuleFor(c => c.Username).NotEmpty().WithRule(CommonRules.Required)
            .Must(Username.IsValid).WithRule(PersonnelRules.UsernameFormat);
        RuleFor(c => c.Password).Must(PasswordPolicy.IsSatisfiedBy).WithRule(PersonnelRules.PasswordPolicy);
        RuleFor(c => c.Mobile).NotEmpty().WithRule(CommonRules.Required)
            .Must(MobileNumber.IsValid).WithRule(CommonRules.MobileFormat);
        RuleFor(c => c.Kind).Must(k => k is Roles.SupervisionFirm or Roles.RigOwner).WithRule(PersonnelRules.EnterpriseKind);
    }
}
