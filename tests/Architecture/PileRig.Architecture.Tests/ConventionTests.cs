using System.Reflection;
using System.Runtime.CompilerServices;
using Marten;
using Marten.Events;
using Mediator;
using Shouldly;
using Xunit;

namespace PileRig.Architecture.Tests;

public sealed class ConventionTests
{
    private static IEnumerable<Type> ProductionTypes => Solution.Production.SelectMany(a => a.GetTypes());

    [Fact]
    public void Endpoints_are_static_classes()
    {
        var endpoints = ProductionTypes.Where(t => t.IsClass && t.Name.EndsWith("Endpoint", StringComparison.Ordinal)).ToList();
        endpoints.Count.ShouldBeGreaterThan(5);

        endpoints.Where(t => !(t.IsAbstract && t.IsSealed)).Select(t => t.FullName).ShouldBeEmpty();
    }

    [Fact]
    public void Mediator_handlers_are_sealed_and_named_after_their_use_case()
    {
        var handlers = ProductionTypes.Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(IsMediatorHandler)).ToList();
        handlers.Count.ShouldBeGreaterThan(5);

        handlers.Where(t => !t.IsSealed || !t.Name.EndsWith("Handler", StringComparison.Ordinal)).Select(t => t.FullName).ShouldBeEmpty();
        foreach (var handler in handlers)
        {
            var message = handler.GetInterfaces().First(IsMediatorHandler).GetGenericArguments()[0];
            handler.Name.ShouldBe(message.Name + "Handler");
        }
    }

    public static TheoryData<string> ModulesWithEvents() =>
        new(Solution.ModuleAssemblies.Where(a => EventTypesOf(a).Any()).Select(a => a.GetName().Name!));

    [Theory]
    [MemberData(nameof(ModulesWithEvents))]
    public void Every_event_is_immutable(string moduleName)
    {
        var events = EventTypesOf(Solution.ModuleAssemblies.Single(a => a.GetName().Name == moduleName)).ToList();
        events.ShouldNotBeEmpty();

        var mutable = events.Where(e => e.GetProperties().Any(p => p.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
            || e.GetFields(BindingFlags.Public | BindingFlags.Instance).Any(f => !f.IsInitOnly));
        mutable.Select(t => t.FullName).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(ModulesWithEvents))]
    public void Every_event_is_stored_under_a_stable_alias_prefixed_with_its_module(string moduleName)
    {
        var assembly = Solution.ModuleAssemblies.Single(a => a.GetName().Name == moduleName);
        var module = Solution.Modules.Single(m => m.GetType().Assembly == assembly);
        var options = new StoreOptions();
        module.ConfigureMarten(options);
        var graph = (EventGraph)options.Events;
        var prefix = Solution.ModulePrefix(assembly) + ".";

        foreach (var type in EventTypesOf(assembly))
        {
            var alias = graph.EventMappingFor(type).EventTypeName;
            alias.ShouldStartWith(prefix, customMessage: $"{type.Name} is stored as '{alias}'");
        }
    }

    [Fact]
    public void Aggregates_are_immutable_records()
    {
        var aggregates = Solution.ModuleAssemblies.SelectMany(AggregatesOf).ToList();
        aggregates.Count.ShouldBeGreaterThanOrEqualTo(2);

        foreach (var aggregate in aggregates)
        {
            aggregate.GetMethod("<Clone>$").ShouldNotBeNull($"{aggregate.Name} should be a record");
            aggregate.GetProperties().Where(p => p.SetMethod is { IsPublic: true } s && !IsInitOnly(s)).ShouldBeEmpty(aggregate.Name);
        }
    }

    /// <summary>Aggregates are the types with a static Create(event) in a module's Domain namespace.</summary>
    private static IEnumerable<Type> AggregatesOf(Assembly module) =>
        module.GetTypes().Where(t => t.Namespace?.EndsWith(".Domain", StringComparison.Ordinal) == true
            && t.GetMethods(BindingFlags.Public | BindingFlags.Static).Any(m => m.Name == "Create" && m.ReturnType == t));

    /// <summary>Events: what an aggregate's Create and Apply accept.</summary>
    private static IEnumerable<Type> EventTypesOf(Assembly module) =>
        AggregatesOf(module).SelectMany(a => a.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.Name is "Create" or "Apply" && m.GetParameters().Length == 1)
                .Select(m => m.GetParameters()[0].ParameterType))
            .Distinct();

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    private static bool IsMediatorHandler(Type i) => i.IsGenericType
        && (i.GetGenericTypeDefinition() == typeof(ICommandHandler<,>) || i.GetGenericTypeDefinition() == typeof(IQueryHandler<,>));
}
