using System.Reflection;
using NetArchTest.Rules;
using Shouldly;
using Xunit;

namespace PileRig.Architecture.Tests;

public sealed class ModuleBoundaryTests
{
    public static TheoryData<string> ModuleNames() => new(Solution.ModuleAssemblies.Select(a => a.GetName().Name!));

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_references_other_modules_only_through_their_contracts(string moduleName)
    {
        var module = Solution.ModuleAssemblies.Single(a => a.GetName().Name == moduleName);
        var otherModules = Solution.ModuleAssemblies.Where(a => a != module).Select(a => a.GetName().Name!).ToList();
        otherModules.ShouldNotBeEmpty();

        var forbidden = module.GetReferencedAssemblies().Select(r => r.Name!).Where(otherModules.Contains).ToList();

        forbidden.ShouldBeEmpty($"{moduleName} must reach another module only through its .Contracts");
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void No_type_of_a_module_uses_a_type_inside_another_module(string moduleName)
    {
        var module = Solution.ModuleAssemblies.Single(a => a.GetName().Name == moduleName);
        var moduleTypes = Types.InAssembly(module).GetTypes().ToList();
        moduleTypes.ShouldNotBeEmpty();

        foreach (var other in Solution.ModuleAssemblies.Where(a => a != module))
        {
            var result = Isolation.Check(Types.InAssembly(module), other);
            result.IsSuccessful.ShouldBeTrue($"{moduleName} uses {other.GetName().Name}: {string.Join(", ", result.FailingTypeNames ?? [])}");
        }
    }

    [Fact]
    public void The_isolation_rule_fails_on_a_deliberate_violation()
    {
        // The canary below uses Personnel's internal Account aggregate; the same rule must catch it.
        var canary = Types.InAssembly(typeof(CanaryReachingIntoPersonnel).Assembly).That().HaveName(nameof(CanaryReachingIntoPersonnel));
        canary.GetTypes().ShouldNotBeEmpty();

        var result = Isolation.Check(canary, typeof(Modules.Personnel.PersonnelModule).Assembly);

        result.IsSuccessful.ShouldBeFalse();
        result.FailingTypeNames.ShouldContain(typeof(CanaryReachingIntoPersonnel).FullName);
    }

    [Fact]
    public void Contracts_and_the_shared_kernel_depend_on_nothing_but_the_BCL()
    {
        var assemblies = Solution.ContractAssemblies.Append(Solution.SharedKernel).ToList();
        assemblies.Count.ShouldBe(Solution.ModuleAssemblies.Count + 1);

        foreach (var assembly in assemblies)
        {
            var outside = assembly.GetReferencedAssemblies().Select(r => r.Name!)
                .Where(n => !(n.StartsWith("System", StringComparison.Ordinal) || n is "netstandard" or "mscorlib" or "PileRig.SharedKernel"))
                .ToList();
            outside.ShouldBeEmpty($"{assembly.GetName().Name} may use only the BCL and the shared kernel");
        }
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void The_domain_depends_on_no_slice_no_infrastructure_and_no_framework(string moduleName)
    {
        var module = Solution.ModuleAssemblies.Single(a => a.GetName().Name == moduleName);
        var domain = Types.InAssembly(module).That().ResideInNamespace(moduleName + ".Domain");
        domain.GetTypes().ShouldNotBeEmpty();

        var result = domain.ShouldNot().HaveDependencyOnAny(
                moduleName + ".Features", moduleName + ".Infrastructure", "Marten", "Wolverine", "Microsoft.AspNetCore", "Npgsql", "Mediator", "FluentValidation")
            .GetResult();

        result.IsSuccessful.ShouldBeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }
}

public static class Isolation
{
    /// <summary>
    /// The selected types use none of the other module's own types. Matched by full type name (not namespace prefix,
    /// which would also match that module's .Contracts).
    /// </summary>
    public static NetArchTest.Rules.TestResult Check(PredicateList selection, Assembly otherModule) =>
        selection.ShouldNot().HaveDependencyOnAny(OwnTypeNames(otherModule)).GetResult();

    public static NetArchTest.Rules.TestResult Check(Types selection, Assembly otherModule) =>
        selection.ShouldNot().HaveDependencyOnAny(OwnTypeNames(otherModule)).GetResult();

    private static string[] OwnTypeNames(Assembly module) =>
        module.GetTypes().Where(t => t.FullName is not null && !t.FullName.Contains('<', StringComparison.Ordinal))
            .Select(t => t.FullName!.Replace('+', '/')).ToArray();
}

/// <summary>Deliberately breaks the module boundary so the isolation rule is proven able to fail.</summary>
public static class CanaryReachingIntoPersonnel
{
    public static string NameOf(Modules.Personnel.Domain.Account account) => account.Username;
}
