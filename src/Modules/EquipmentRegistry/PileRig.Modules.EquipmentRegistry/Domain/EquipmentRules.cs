using PileRig.SharedKernel.Rules;

namespace PileRig.Modules.EquipmentRegistry.Domain;

public static class EquipmentRules
{
    public static readonly RuleCode DuplicateIdentity = new("equipment_registry.duplicate_identity", RuleKind.Conflict,
        "该设备的出厂编号（同一制造商）或产品合格证编号已被其他设备登记，本次登记已作为疑似套牌记录，监管部门可见",
        "Another registered rig already has this maker and factory serial or this certificate number; this claim was recorded as a suspected clone, visible to the regulator");

    public static readonly RuleCode AlreadyRegisteredByYou = new("equipment_registry.already_registered_by_you", RuleKind.Conflict,
        "该设备已由本单位登记（{rig}），无需重复登记", "Your firm has already registered this rig ({rig}); it was not registered again");

    public static readonly RuleCode UnknownRigType = new("equipment_registry.unknown_rig_type", RuleKind.Validation,
        "设备类型 {code} 不存在", "Rig type {code} does not exist");

    public static readonly RuleCode ManufactureDate = new("equipment_registry.manufacture_date", RuleKind.Validation,
        "出厂日期不能晚于今天，也不能早于 1980 年", "Manufacture date must be between 1980 and today");

    public static readonly RuleCode RatedHeight = new("equipment_registry.rated_height", RuleKind.Validation,
        "额定最大组装高度应大于 0 且不超过 {max} 米，最多一位小数", "Rated maximum assembled height must be above 0 and at most {max} m, one decimal");

    public static readonly RuleCode PowerHeadCount = new("equipment_registry.power_head_count", RuleKind.Validation,
        "动力头数量应为 1–{max}", "Power head count must be 1–{max}");

    public static readonly RuleCode NotYourRig = new("equipment_registry.rig_not_found", RuleKind.NotFound,
        "未找到该设备", "No such rig");

    public static readonly RuleCode RigTypeExists = new("equipment_registry.rig_type_exists", RuleKind.Conflict,
        "设备类型 {code} 已存在", "Rig type {code} already exists");

    public static readonly RuleCode NotYetRegistered = new("equipment_registry.not_yet_registered", RuleKind.NotFound,
        "{at} 时该设备尚未登记", "The rig was not registered yet at {at}");

    public static readonly RuleCode ComponentNotFound = new("equipment_registry.component_not_found", RuleKind.NotFound,
        "未找到该构件（或已退役）", "No such active component on this rig");

    public static readonly RuleCode ComponentSerialDuplicate = new("equipment_registry.component_serial_duplicate", RuleKind.Conflict,
        "本机已有编号为 {serial} 的{kind}", "This rig already has a {kind} numbered {serial}");

    public static readonly RuleCode ComponentsLockedInUse = new("equipment_registry.components_locked_in_use", RuleKind.Conflict,
        "设备使用中，不能变更构件", "The rig is in use on a project; its component set cannot change");

    public static readonly RuleCode ReasonRequired = new("equipment_registry.reason_required", RuleKind.Validation,
        "请填写原因", "Give a reason");

    public static readonly RuleCode UnknownLabel = new("equipment_registry.label_not_found", RuleKind.NotFound,
        "该设备没有此二维码", "This rig has no such code");
}
