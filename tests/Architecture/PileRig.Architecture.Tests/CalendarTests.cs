using System.Reflection;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Shouldly;
using Xunit;

namespace PileRig.Architecture.Tests;

/// <summary>
/// One calendar and one clock. A date for a rule is a day in Ningbo (<c>ChinaTime</c>), never the UTC date — between
/// 00:00 and 08:00 China time the two differ, and a rig whose certificate ended yesterday would be let on site. And time
/// comes from the injected <see cref="TimeProvider"/>, never a static clock, so tests can stand at 01:30.
/// </summary>
public sealed class CalendarTests
{
    // Deriving a date from a DateTime (the UTC one, in this code base) or reading the machine's clock.
    private static readonly string[] Forbidden =
    [
        "System.DateOnly System.DateOnly::FromDateTime(System.DateTime)",
        "System.DateTime System.DateTime::get_Date()",
        "System.DateTime System.DateTimeOffset::get_Date()",
        "System.DateTime System.DateTime::get_Today()",
        "System.DateTime System.DateTime::get_UtcNow()",
        "System.DateTime System.DateTime::get_Now()",
        "System.DateTimeOffset System.DateTimeOffset::get_UtcNow()",
        "System.DateTimeOffset System.DateTimeOffset::get_Now()",
    ];

    [Fact]
    public void No_production_code_but_ChinaTime_derives_a_date_or_reads_a_static_clock()
    {
        var offenders = Calls(Solution.Production, Forbidden).Where(c => c.Type != "PileRig.SharedKernel.Values.ChinaTime").ToList();

        offenders.Select(o => $"{o.Type}.{o.Method} calls {o.Callee}").ShouldBeEmpty();
    }

    [Fact]
    public void The_rule_finds_a_UTC_date_where_one_is_derived()
    {
        // Canary: the scan itself must see such a call, or the rule above could pass by seeing nothing.
        var found = Calls([typeof(CalendarTests).Assembly], Forbidden).Where(c => c.Type == typeof(UtcCalendarCanary).FullName).ToList();

        found.Select(c => c.Method).ShouldBe([nameof(UtcCalendarCanary.TodayTheWrongWay)]);
    }

    private static IEnumerable<(string Type, string Method, string Callee)> Calls(IEnumerable<Assembly> assemblies, IReadOnlyCollection<string> callees)
    {
        foreach (var assembly in assemblies)
        {
            using var module = ModuleDefinition.ReadModule(assembly.Location);
            foreach (var type in module.GetTypes())
            {
                foreach (var method in type.Methods.Where(m => m.HasBody))
                {
                    foreach (var instruction in method.Body.Instructions)
                    {
                        if (instruction.OpCode.FlowControl == FlowControl.Call && instruction.Operand is MethodReference callee
                            && callees.Contains(callee.FullName))
                        {
                            yield return (OuterName(type), MethodName(type, method), callee.FullName);
                        }
                    }
                }
            }
        }
    }

    // An async method's body is its state machine's MoveNext: "<SealAsync>d__3" names the method a reader would look for.
    private static string MethodName(TypeDefinition type, MethodDefinition method) =>
        method.Name == "MoveNext" && type.Name.StartsWith('<') && type.Name.IndexOf('>', StringComparison.Ordinal) is var end and > 1
            ? type.Name[1..end]
            : method.Name;

    // Lambdas and async state machines are nested compiler types: report the type a reader would look in.
    private static string OuterName(TypeDefinition type)
    {
        while (type.DeclaringType is not null && type.Name.Contains('<', StringComparison.Ordinal))
        {
            type = type.DeclaringType;
        }

        return type.FullName.Replace('/', '+');
    }
}

/// <summary>What the rule forbids, kept here so the canary has something to find.</summary>
public static class UtcCalendarCanary
{
    public static DateOnly TodayTheWrongWay(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);
}
