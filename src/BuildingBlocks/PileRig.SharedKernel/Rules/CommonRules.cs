namespace PileRig.SharedKernel.Rules;

/// <summary>Input-shape rules every module uses. Module-specific rules live in each module's Domain folder.</summary>
public static class CommonRules
{
    public static readonly RuleCode Required = new("validation.required", RuleKind.Validation,
        "必填项不能为空", "This field is required");

    public static readonly RuleCode TooLong = new("validation.too_long", RuleKind.Validation,
        "长度不能超过 {max} 个字符", "Must be at most {max} characters");

    public static readonly RuleCode ControlCharacters = new("validation.control_characters", RuleKind.Validation,
        "不能包含控制字符或无法显示的字符", "Must not contain control characters or characters that cannot be shown");

    public static readonly RuleCode DateFormat = new("validation.date_format", RuleKind.Validation,
        "日期时间格式不正确，应为 ISO 8601，如 2026-06-21 或 2026-06-21T08:00:00+08:00",
        "Not a date or time in ISO 8601, e.g. 2026-06-21 or 2026-06-21T08:00:00+08:00");

    public static readonly RuleCode DateRange = new("validation.date_range", RuleKind.Validation,
        "日期应在 {from} 至 {to} 之间", "The date must be between {from} and {to}");

    public static readonly RuleCode MobileFormat = new("validation.mobile_format", RuleKind.Validation,
        "手机号码格式不正确，应为 11 位且以 13–19 开头", "Mobile number must be 11 digits starting with 13–19");

    public static readonly RuleCode TooMany = new("validation.too_many", RuleKind.Validation,
        "最多 {max} 项", "At most {max} items");

    public static readonly RuleCode InvalidValue = new("validation.invalid_value", RuleKind.Validation,
        "取值无效", "This value is not allowed");

    public static readonly RuleCode MalformedRequest = new("request.malformed", RuleKind.Validation,
        "请求格式有误，无法读取", "The request could not be read");

    public static readonly RuleCode NotFound = new("resource.not_found", RuleKind.NotFound,
        "未找到该记录", "No such record");

    public static readonly RuleCode ConcurrencyConflict = new("concurrency.conflict", RuleKind.Conflict,
        "该记录已被他人同时修改，请刷新后重试", "Someone else changed this record at the same time; reload and try again");

    public static readonly RuleCode IdempotencyKeyReused = new("idempotency.key_reused", RuleKind.Conflict,
        "该幂等键已用于另一个请求", "This Idempotency-Key was already used for a different request");

    public static readonly RuleCode Unauthenticated = new("auth.unauthenticated", RuleKind.Forbidden,
        "请先登录", "Please log in first");

    public static readonly RuleCode RoleForbidden = new("auth.role_forbidden", RuleKind.Forbidden,
        "当前账号无权执行此操作", "This account may not do this");

    public static readonly RuleCode ProfileIncomplete = new("auth.profile_incomplete", RuleKind.Forbidden,
        "请先完善企业信息", "Complete your enterprise profile first");

    public static readonly RuleCode PasswordChangeRequired = new("auth.password_change_required", RuleKind.Forbidden,
        "首次登录请先修改密码", "Change your password before doing anything else");

    public static readonly RuleCode AntiforgeryFailed = new("auth.antiforgery_failed", RuleKind.Forbidden,
        "请求校验失败，请刷新页面后重试", "The request's anti-forgery token is missing or invalid; reload the page");

    public static readonly RuleCode TooManyLoginAttemptsFromAddress = new("auth.too_many_attempts_ip", RuleKind.TooManyRequests,
        "该网络地址登录尝试过于频繁，请稍后再试", "Too many login attempts from this address; try again later");

    public static readonly RuleCode TooManyLookupsByAccount = new("auth.too_many_lookups", RuleKind.TooManyRequests,
        "该账号查询编码过于频繁，请稍后再试", "Too many code lookups by this account; try again later");

    public static readonly RuleCode TooManyRequestsFromAddress = new("auth.too_many_requests_ip", RuleKind.TooManyRequests,
        "该网络地址请求过于频繁，请稍后再试", "Too many requests from this address; try again later");

    public static readonly RuleCode InternalError = new("server.error", RuleKind.Conflict,
        "服务器内部错误，请联系管理员并提供追踪编号", "Internal error; contact support with the trace id");
}
