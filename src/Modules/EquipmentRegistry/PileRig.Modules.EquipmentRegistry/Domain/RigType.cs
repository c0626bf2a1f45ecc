namespace PileRig.Modules.EquipmentRegistry.Domain;

/// <summary>桩工机械 types: data (seeded, extendable by the admin), not an enum to recompile.</summary>
public sealed record RigType(string Id, string NameZh, string NameEn, int SortOrder);

public static class RigTypeSeed
{
    public static readonly IReadOnlyList<RigType> Types =
    [
        new("multi_axis_mixing", "多轴搅拌桩机", "Multi-axis mixing pile rig", 1),
        new("long_auger", "长螺旋钻孔桩机", "Long auger boring rig", 2),
        new("rotary_drilling", "旋挖钻机", "Rotary drilling rig", 3),
        new("static_pressure", "静压桩机", "Static pressure pile driver", 4),
        new("walking_pile_driver", "步履式打桩机", "Walking pile driver", 5),
        new("crawler_pile_driver", "履带式打桩机", "Crawler pile driver", 6),
        new("other", "其他", "Other", 99),
    ];
}
