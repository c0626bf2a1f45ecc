using System.Globalization;
using System.Text;
using PileRig.SharedKernel.Rules;

namespace PileRig.BuildingBlocks.Localization;

/// <summary>The request's language, as set by request localization from Accept-Language; zh-CN unless English was asked for.</summary>
public static class Language
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The rule's message in the request's language, with <c>{name}</c> placeholders filled from the args.</summary>
    public static string Format(RuleCode rule, IReadOnlyDictionary<string, object?> args)
    {
        var template = rule.Message(IsEnglish);
        if (args.Count == 0)
        {
            return template;
        }

        var text = new StringBuilder(template);
        foreach (var (name, value) in args)
        {
            text.Replace("{" + name + "}", Convert.ToString(value, CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
