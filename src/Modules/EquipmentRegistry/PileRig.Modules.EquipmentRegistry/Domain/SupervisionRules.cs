using PileRig.SharedKernel.Rules;

namespace PileRig.Modules.EquipmentRegistry.Domain;

public static class SupervisionRules
{
    public static readonly RuleCode NotOnYourProject = new("equipment_registry.not_project_supervisor", RuleKind.Forbidden,
        "只有该工程的监理单位及其指定的监理人员可以操作", "Only the project's supervision firm and the engineers assigned to it may do this");

    public static readonly RuleCode ProjectNotActive = new("equipment_registry.project_not_active", RuleKind.Conflict,
        "该工程已完工，不能再登记设备", "The project is completed; no rig can be registered on it");

    public static readonly RuleCode ScanTheBaseUnit = new("equipment_registry.scan_base_unit_first", RuleKind.Validation,
        "请先扫描主机上的二维码", "Scan the code on the base unit first");

    public static readonly RuleCode ForeignComponent = new("equipment_registry.foreign_component", RuleKind.Conflict,
        "非本主机成套构件：该构件属于设备 {otherRig}（{otherMaker} {otherModel}）",
        "Not part of this rig's registered set: this component belongs to rig {otherRig} ({otherMaker} {otherModel})");

    public static readonly RuleCode VerificationNotFound = new("equipment_registry.verification_not_found", RuleKind.NotFound,
        "未找到该校验记录", "No such verification");

    public static readonly RuleCode VerificationExpired = new("equipment_registry.verification_expired", RuleKind.Conflict,
        "校验已超过 {hours} 小时，请重新扫码校验", "The verification is older than {hours} h; verify the rig again");

    public static readonly RuleCode StructuralComponentsMissing = new("equipment_registry.structural_components_missing", RuleKind.Conflict,
        "以下受力构件尚未扫码校验：{missing}", "These structural components were not scanned: {missing}");

    public static readonly RuleCode HeightOverRated = new("equipment_registry.height_over_rated", RuleKind.Conflict,
        "实际安装高度 {height} 米超过设备额定最大组装高度 {limit} 米", "Installed height {height} m exceeds the rig's rated maximum of {limit} m");

    public static readonly RuleCode HeightOverCityCap = new("equipment_registry.height_over_city_cap", RuleKind.Conflict,
        "实际安装高度 {height} 米超过本市对该类设备的限高 {limit} 米", "Installed height {height} m exceeds the city's cap of {limit} m for this rig type");

    public static readonly RuleCode InstalledHeight = new("equipment_registry.installed_height", RuleKind.Validation,
        "实际安装高度应大于 0，最多一位小数", "Installed height must be above 0 with at most one decimal");

    public static readonly RuleCode PowerHeadsTopMounted = new("equipment_registry.power_heads_top_mounted", RuleKind.Conflict,
        "动力头顶置的桩机动力头数量应为 1–2 个", "A rig with top-mounted power heads takes 1 or 2 power heads");

    public static readonly RuleCode PowerHeadsSingle = new("equipment_registry.power_heads_single", RuleKind.Conflict,
        "非顶置动力头的桩机只能有 1 个动力头", "A rig without top-mounted power heads takes exactly 1 power head");

    public static readonly RuleCode RigInUseElsewhere = new("equipment_registry.rig_in_use", RuleKind.Conflict,
        "该设备正在工程「{project}」使用中（自 {since} 起），须先办理退场", "The rig is in use on project \"{project}\" since {since}; register its exit first");

    public static readonly RuleCode RigSuspended = new("equipment_registry.rig_suspended", RuleKind.Conflict,
        "该设备已被标记为问题设备并暂停使用：{reason}", "The rig is flagged and suspended: {reason}");

    public static readonly RuleCode CertificateExpired = new("equipment_registry.certificate_expired", RuleKind.Conflict,
        "产品合格证已于 {validUntil} 过期", "The rig's certificate expired on {validUntil}");

    public static readonly RuleCode PastServiceLife = new("equipment_registry.past_service_life", RuleKind.Conflict,
        "设备已超过使用年限（{years} 年，出厂日期 {manufactured}）", "The rig is past its service life ({years} years, made {manufactured})");

    public static readonly RuleCode UsageNotFound = new("equipment_registry.usage_not_found", RuleKind.NotFound,
        "未找到该使用登记", "No such usage registration");

    public static readonly RuleCode UsageClosed = new("equipment_registry.usage_closed", RuleKind.Conflict,
        "该使用登记已退场关闭，记录只读", "This usage registration is closed (the rig exited); the record is read-only");

    public static readonly RuleCode NotYourJurisdiction = new("equipment_registry.not_your_jurisdiction", RuleKind.Forbidden,
        "该标记所在工程不属于您的监管属地", "The flag was raised on a project outside your jurisdictions");

    public static readonly RuleCode SpotCheckJurisdiction = new("equipment_registry.spot_check_jurisdiction", RuleKind.Validation,
        "请选择您监管范围内的属地", "Choose one of your own jurisdictions");

    public static readonly RuleCode FlagNotFound = new("equipment_registry.flag_not_found", RuleKind.NotFound,
        "未找到该标记或已解除", "No such open flag");

    public static readonly RuleCode FlagNeedsContext = new("equipment_registry.flag_not_on_project", RuleKind.Conflict,
        "只能标记正在本工程使用或已在本工程校验过的设备", "Only a rig in use on this project, or verified on it, can be flagged from it");

    public static readonly RuleCode PhotosRequired = new("equipment_registry.photos_required", RuleKind.Validation,
        "请至少上传一张照片", "Attach at least one photo");

    public static readonly RuleCode RigTakenConcurrently = new("equipment_registry.rig_taken_concurrently", RuleKind.Conflict,
        "该设备刚刚被他人登记：现于工程「{project}」使用中", "Someone registered this rig a moment ago: it is now in use on project \"{project}\"");
}

/// <summary>City-wide limits that are policy, not code (甬建发〔2021〕68号 values are not public: set them in configuration).</summary>
public sealed class SupervisionSettings
{
    public const string Section = "PileRig:Supervision";

    /// <summary>How long a verification stays good for a usage registration.</summary>
    public int VerificationWindowHours { get; set; } = 24;

    /// <summary>When one code seen on two sites means a copied label.</summary>
    public LabelCopySettings LabelCopy { get; set; } = new();

    /// <summary>Optional city cap on installed height (m) per rig type code.</summary>
    public Dictionary<string, decimal> HeightCaps { get; set; } = [];

    /// <summary>Service life (years from manufacture) per rig type code; <see cref="DefaultServiceLifeYears"/> otherwise.</summary>
    public Dictionary<string, int> ServiceLifeYears { get; set; } = [];

    public int DefaultServiceLifeYears { get; set; } = 15;

    public int ServiceLifeFor(string typeCode) => ServiceLifeYears.TryGetValue(typeCode, out var years) ? years : DefaultServiceLifeYears;
}
