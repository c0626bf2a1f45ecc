using System.Reflection;
using System.Text.RegularExpressions;
using PileRig.SharedKernel.Rules;
using Shouldly;
using Xunit;

namespace PileRig.Architecture.Tests;

/// <summary>Every message exists in zh-CN and en, names the same arguments in both, and every code is unique.</summary>
public sealed partial class RuleCatalogueTests
{
    private static readonly string[] SharedPrefixes = ["validation", "request", "resource", "concurrency", "idempotency", "auth", "server", "files"];

    private static List<(string Declarer, RuleCode Rule)> AllRules() =>
        Solution.Production.SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(RuleCode))
                .Select(f => (t.FullName!, (RuleCode)f.GetValue(null)!)))
            .ToList();

    [Fact]
    public void Every_rule_has_a_message_in_both_languages_with_the_same_arguments()
    {
        var rules = AllRules();
        rules.Count.ShouldBeGreaterThan(30);

        foreach (var (declarer, rule) in rules)
        {
            rule.ZhCn.ShouldNotBeNullOrWhiteSpace($"{rule.Code} ({declarer}) has no zh-CN message");
            rule.En.ShouldNotBeNullOrWhiteSpace($"{rule.Code} ({declarer}) has no English message");
            Placeholders(rule.ZhCn).ShouldBe(Placeholders(rule.En), ignoreOrder: true, $"{rule.Code}: the two messages name different arguments");
            ContainsChinese().IsMatch(rule.ZhCn).ShouldBeTrue($"{rule.Code}: the zh-CN message is not Chinese");
        }
    }

    [Fact]
    public void Rule_codes_are_unique_and_prefixed_with_their_module_or_a_shared_area()
    {
        var rules = AllRules();
        rules.GroupBy(r => r.Rule.Code).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();

        var modulePrefixes = Solution.ModuleAssemblies.Select(Solution.ModulePrefix);
        var allowed = SharedPrefixes.Concat(modulePrefixes).ToHashSet();
        rules.Select(r => r.Rule.Code).Where(c => !allowed.Contains(c.Split('.')[0])).ShouldBeEmpty();
    }

    private static List<string> Placeholders(string message) => Placeholder().Matches(message).Select(m => m.Value).ToList();

    [GeneratedRegex(@"\{[a-zA-Z]+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex ContainsChinese();
}
