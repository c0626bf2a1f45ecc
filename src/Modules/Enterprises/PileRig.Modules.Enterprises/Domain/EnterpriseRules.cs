using PileRig.SharedKernel.Rules;

namespace PileRig.Modules.Enterprises.Domain;

public static class EnterpriseRules
{
    public static readonly RuleCode CreditCodeFormat = new("enterprises.credit_code_format", RuleKind.Validation,
        "统一社会信用代码应为 18 位，由数字和除 I、O、S、V、Z 以外的大写字母组成",
        "The unified social credit code must be 18 characters: digits and capital letters except I, O, S, V, Z");

    public static readonly RuleCode CreditCodeCheckFailed = new("enterprises.credit_code_check_failed", RuleKind.Conflict,
        "统一社会信用代码校验位不符（按 GB 32100 应为 {expected}）。如确认无误，请勾选确认后重新提交",
        "The credit code's check character does not match GB 32100 (expected {expected}); if it is right, confirm and submit again");

    public static readonly RuleCode CreditCodeTaken = new("enterprises.credit_code_taken", RuleKind.Conflict,
        "统一社会信用代码 {creditCode} 已被其他账号注册，一个企业只允许注册一个账号",
        "The credit code {creditCode} is already registered by another account; one account per enterprise");

    public static readonly RuleCode CreditCodeBound = new("enterprises.credit_code_bound", RuleKind.Conflict,
        "企业信息完成后统一社会信用代码（{creditCode}）不能自行修改；如确需变更，请联系平台管理员",
        "Once the profile is complete its credit code ({creditCode}) cannot be changed by the enterprise; ask the platform's admin");

    public static readonly RuleCode ContactPhoneFormat = new("enterprises.contact_phone_format", RuleKind.Validation,
        "联系电话应为手机号码或带区号的固定电话（如 0574-87654321）",
        "Contact phone must be a mobile number or a landline with area code (e.g. 0574-87654321)");

    public static readonly RuleCode NotAnEnterpriseAccount = new("enterprises.not_enterprise_account", RuleKind.Forbidden,
        "只有监理单位或产权单位账号可以填写企业信息", "Only a supervision firm's or rig owner's account has an enterprise profile");
}
