using System.Reflection;
using Shouldly;
using Xunit;

namespace PileRig.Architecture.Tests;

/// <summary>
/// Modules list their Wolverine handlers by hand (IModule.MessageHandlers): an integration event whose consumer was
/// left off every list is published into the outbox and never handled, silently. Every integration event a module's
/// contracts declare must have at least one listed handler taking it.
/// </summary>
public sealed class MessageConsumerTests
{
    [Fact]
    public void Every_integration_event_has_a_listed_consumer()
    {
        var events = Solution.ContractAssemblies.SelectMany(a => a.GetExportedTypes())
            .Where(t => t.Name.EndsWith("IntegrationEvent", StringComparison.Ordinal)).ToList();
        var handlers = Solution.Modules.SelectMany(m => m.MessageHandlers).ToList();

        events.ShouldNotBeEmpty();
        Unconsumed(events, handlers).ShouldBeEmpty("integration events no listed handler takes");
    }

    [Fact]
    public void Canary_a_consumer_left_off_the_list_is_found()
    {
        var events = Solution.ContractAssemblies.SelectMany(a => a.GetExportedTypes())
            .Where(t => t.Name.EndsWith("IntegrationEvent", StringComparison.Ordinal)).ToList();
        var handlers = Solution.Modules.SelectMany(m => m.MessageHandlers).ToList();
        // A handler that is the only consumer of some integration event.
        var dropped = handlers.First(h => Consumed(h).Any(e => events.Contains(e) && handlers.Count(o => Consumed(o).Contains(e)) == 1));

        Unconsumed(events, handlers.Where(h => h != dropped)).ShouldNotBeEmpty();
    }

    private static List<Type> Unconsumed(IEnumerable<Type> events, IEnumerable<Type> handlers)
    {
        var consumed = handlers.SelectMany(Consumed).ToHashSet();
        return events.Where(e => !consumed.Contains(e)).ToList();
    }

    // Wolverine's conventions: a public Handle/HandleAsync/Consume/ConsumeAsync method whose first parameter is the message.
    private static IEnumerable<Type> Consumed(Type handler) =>
        handler.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance)
            .Where(m => m.Name is "Handle" or "HandleAsync" or "Consume" or "ConsumeAsync" && m.GetParameters().Length > 0)
            .Select(m => m.GetParameters()[0].ParameterType);
}
