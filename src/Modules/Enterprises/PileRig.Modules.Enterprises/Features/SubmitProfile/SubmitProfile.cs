using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using FluentValidation;
using Mediator;
using PileRig.BuildingBlocks.Errors;
using PileRig.Modules.Enterprises.Domain;
using PileRig.SharedKernel.Rules;
using PileRig.SharedKernel.Values;

namespace PileRig.Modules.Enterprises.Features.SubmitProfile;

/// <summary>
/// Complete or change the enterprise's profile (企业名称, 统一社会信用代码, 办公地址, 法定代表人, 联系人, 联系电话, and the
/// 资质证书 / 营业执照 upload). <c>ConfirmCreditCodeCheckFailure</c> accepts a code whose check character fails.
/// </summary>
public sealed record SubmitProfile(
    [property: MaxLength(100)] string? Name,
    string? CreditCode,
    string? Address,
    [property: MaxLength(50)] string? LegalRepresentative,
    [property: MaxLength(50)] string? ContactName,
    string? ContactPhone,
    Guid? DocumentFileId,
    bool? ConfirmCreditCodeCheckFailure) : ICommand<EnterpriseView>;

public sealed partial class SubmitProfileValidator : AbstractValidator<SubmitProfile>
{
    public SubmitProfileValidator()
    {
        RuleFor(c => c.Name).RequiredText(100);
        RuleFor(c => c.CreditCode).NotEmpty().WithRule(CommonRules.Required)
            .Must(code => code is not null && UnifiedSocialCreditCode.Check(UnifiedSocialCreditCode.Normalize(code)) != CreditCodeCheck.BadFormat)
            .WithRule(EnterpriseRules.CreditCodeFormat);
        RuleFor(c => c.Address).RequiredText(200);
        RuleFor(c => c.LegalRepresentative).RequiredText(50);
        RuleFor(c => c.ContactName).RequiredText(50);
        RuleFor(c => c.ContactPhone).NotEmpty().WithRule(CommonRules.Required)
            .Must(p => MobileNumber.IsValid(p) || (p is not null && Landline().IsMatch(p))).WithRule(EnterpriseRules.ContactPhoneFormat);
        RuleFor(c => c.DocumentFileId).NotEmpty().WithRule(CommonRules.Required);
    }

    [GeneratedRegex(@"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Landline();
}

/// <summary>The enterprise as its own account sees it.</summary>
public sealed record EnterpriseView(Guid EnterpriseId, string Kind, bool ProfileComplete, EnterpriseProfile? Profile, long Version)
{
    public static EnterpriseView From(Enterprise e) =>
        new(e.Id, e.Kind == SharedKernel.Identity.EnterpriseKind.SupervisionFirm ? "supervision_firm" : "rig_owner",
            e.ProfileComplete, e.Profile, e.Version);
}
