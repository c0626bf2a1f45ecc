using System.Reflection;
using PileRig.BuildingBlocks.Modules;
using PileRig.Modules.Enterprises;
using PileRig.Modules.EquipmentRegistry;
using PileRig.Modules.Personnel;
using PileRig.Modules.Projects;
using PileRig.SharedKernel.Rules;

namespace PileRig.Architecture.Tests;

/// <summary>The assemblies under test, found from the modules the host composes.</summary>
public static class Solution
{
    public static readonly IReadOnlyList<IModule> Modules =
        [new PersonnelModule(), new EnterprisesModule(), new ProjectsModule(), new EquipmentRegistryModule()];

    public static IReadOnlyList<Assembly> ModuleAssemblies { get; } = Modules.Select(m => m.GetType().Assembly).ToList();

    /// <summary>Each module's Contracts assembly, loaded by its conventional name.</summary>
    public static IReadOnlyList<Assembly> ContractAssemblies { get; } =
        ModuleAssemblies.Select(a => Assembly.Load(a.GetName().Name + ".Contracts")).ToList();

    public static Assembly SharedKernel { get; } = typeof(RuleCode).Assembly;

    public static Assembly BuildingBlocks { get; } = typeof(IModule).Assembly;

    public static Assembly Host { get; } = typeof(Program).Assembly;

    public static IEnumerable<Assembly> Production =>
        ModuleAssemblies.Concat(ContractAssemblies).Append(SharedKernel).Append(BuildingBlocks).Append(Host);

    /// <summary>"PileRig.Modules.Personnel" → "personnel", "…EquipmentRegistry" → "equipment_registry".</summary>
    public static string ModulePrefix(Assembly module) =>
        string.Concat(module.GetName().Name!.Split('.').Last().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
