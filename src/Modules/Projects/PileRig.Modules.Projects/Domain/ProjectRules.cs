using PileRig.SharedKernel.Rules;

namespace PileRig.Modules.Projects.Domain;

public static class ProjectRules
{
    public static readonly RuleCode PermitOrInvestmentCodeRequired = new("projects.permit_or_investment_code_required", RuleKind.Validation,
        "施工许可证号和发改统一项目编号至少填写一个", "Give the construction permit number or the investment project code (at least one)");

    public static readonly RuleCode PermitNumberFormat = new("projects.permit_number_format", RuleKind.Validation,
        "施工许可证号应为 18 位数字（6 位地区码、8 位真实日期、2 位顺序号、2 位类别码），可带分证后缀如 -01 或 J",
        "Construction permit number: 18 digits (6 area, 8 real date yyyymmdd, 2 sequence, 2 category), optionally a suffix such as -01 or J");

    public static readonly RuleCode InvestmentCodeFormat = new("projects.investment_code_format", RuleKind.Validation,
        "发改统一项目编号格式应为 dddd-dddddd-dd-dd-dddddd", "Investment project code must look like dddd-dddddd-dd-dd-dddddd");

    public static readonly RuleCode ContractorsRequired = new("projects.contractors_required", RuleKind.Validation,
        "请填写桩基施工单位，多家用逗号隔开", "Name at least one piling contractor; separate several with commas");

    public static readonly RuleCode UnknownJurisdiction = new("projects.unknown_jurisdiction", RuleKind.Validation,
        "工程属地 {code} 不在当前可选列表中", "Jurisdiction {code} is not on the current list");

    public static readonly RuleCode EngineerNotInFirm = new("projects.engineer_not_in_firm", RuleKind.Validation,
        "所选人员 {engineerId} 不是本单位的在岗监理人员", "{engineerId} is not an active engineer of this firm");

    public static readonly RuleCode NotYourProject = new("projects.not_found", RuleKind.NotFound,
        "未找到该工程", "No such project");

    public static readonly RuleCode NotYetRegistered = new("projects.not_yet_registered", RuleKind.NotFound,
        "{at} 时该工程尚未录入", "The project was not registered yet at {at}");

    public static readonly RuleCode ProjectCompleted = new("projects.completed", RuleKind.Conflict,
        "该工程已完工，记录只读", "This project is completed; its record is read-only");

    public static readonly RuleCode RigsStillInUse = new("projects.rigs_in_use", RuleKind.Conflict,
        "工程上仍有 {count} 台桩机在用，全部退场后才能完工", "{count} rig(s) are still in use on this project; register their exit first");

    public static readonly RuleCode NothingChanged = new("projects.nothing_changed", RuleKind.Conflict,
        "没有任何修改", "Nothing was changed");

    public static readonly RuleCode JurisdictionCodeTaken = new("projects.jurisdiction_code_taken", RuleKind.Conflict,
        "属地编码 {code} 已存在", "Jurisdiction code {code} already exists");

    public static readonly RuleCode JurisdictionCodeFormat = new("projects.jurisdiction_code_format", RuleKind.Validation,
        "属地编码应为 6 位行政区划代码或 2–32 位小写字母、数字、-", "Jurisdiction code: a 6-digit division code or 2–32 lower-case letters, digits or '-'");

    public static readonly RuleCode JurisdictionAlreadyRetired = new("projects.jurisdiction_retired", RuleKind.Conflict,
        "该属地已停用", "This jurisdiction is already retired");

    public static readonly RuleCode JurisdictionNotFound = new("projects.jurisdiction_not_found", RuleKind.NotFound,
        "未找到该属地", "No such jurisdiction");
}
