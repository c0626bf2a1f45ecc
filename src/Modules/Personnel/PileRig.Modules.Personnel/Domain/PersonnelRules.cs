using PileRig.SharedKernel.Rules;

namespace PileRig.Modules.Personnel.Domain;

public static class PersonnelRules
{
    public static readonly RuleCode UsernameFormat = new("personnel.username_format", RuleKind.Validation,
        "用户名应为 3–32 位字母、数字或 _ - .", "Username must be 3–32 letters, digits, '_', '-' or '.'");

    public static readonly RuleCode UsernameTaken = new("personnel.username_taken", RuleKind.Conflict,
        "用户名 {username} 已被使用", "The username {username} is already taken");

    public static readonly RuleCode PasswordPolicy = new("personnel.password_policy", RuleKind.Validation,
        "密码至少 8 位，且须同时包含字母和数字", "Password must be at least 8 characters and contain both letters and digits");

    public static readonly RuleCode PasswordUnchanged = new("personnel.password_unchanged", RuleKind.Validation,
        "新密码不能与当前密码相同", "The new password must differ from the current one");

    public static readonly RuleCode InvalidCredentials = new("personnel.invalid_credentials", RuleKind.Forbidden,
        "用户名或密码错误", "Wrong username or password");

    public static readonly RuleCode WrongCurrentPassword = new("personnel.wrong_current_password", RuleKind.Forbidden,
        "当前密码不正确", "The current password is wrong");

    public static readonly RuleCode AccountDisabled = new("personnel.account_disabled", RuleKind.Forbidden,
        "该账号已被停用，请联系所在单位", "This account is disabled; contact your firm");

    public static readonly RuleCode AccountLocked = new("personnel.account_locked", RuleKind.TooManyRequests,
        "密码错误次数过多，账号已锁定至 {until}", "Too many wrong passwords; the account is locked until {until}");

    public static readonly RuleCode NotAnEngineerOfYours = new("personnel.engineer_not_found", RuleKind.NotFound,
        "未找到该监理人员", "No such engineer in your firm");

    public static readonly RuleCode AlreadyDisabled = new("personnel.already_disabled", RuleKind.Conflict,
        "该账号已是停用状态", "This account is already disabled");

    public static readonly RuleCode AlreadyActive = new("personnel.already_active", RuleKind.Conflict,
        "该账号已是启用状态", "This account is already active");

    public static readonly RuleCode JurisdictionsRequired = new("personnel.jurisdictions_required", RuleKind.Validation,
        "请至少选择一个监管属地", "Choose at least one jurisdiction");

    public static readonly RuleCode JurisdictionCode = new("personnel.jurisdiction_code", RuleKind.Validation,
        "监管属地编码格式不正确", "Jurisdiction code is not well-formed");

    public static readonly RuleCode UnknownJurisdiction = new("personnel.unknown_jurisdiction", RuleKind.Validation,
        "监管属地 {code} 不在当前属地列表中", "Jurisdiction {code} is not on the current list");

    public static readonly RuleCode EnterpriseKind = new("personnel.enterprise_kind", RuleKind.Validation,
        "单位类型应为监理单位（supervision_firm）或产权单位（rig_owner）",
        "Enterprise kind must be supervision_firm or rig_owner");

    public static readonly RuleCode NotificationNotFound = new("personnel.notification_not_found", RuleKind.NotFound,
        "没有这条通知", "No such notification");
}
