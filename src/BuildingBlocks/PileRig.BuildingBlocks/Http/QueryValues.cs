using PileRig.BuildingBlocks.Errors;
using PileRig.SharedKernel.Rules;

namespace PileRig.BuildingBlocks.Http;

/// <summary>Query-string values the way clients send them (snake_case, any case), refused by name when unknown.</summary>
public static class QueryValues
{
    public static TEnum? ParseEnum<TEnum>(string? value, string field) where TEnum : struct, Enum =>
        string.IsNullOrEmpty(value) ? null
        : Enum.TryParse<TEnum>(value.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
        : throw new InputValidationException(field, CommonRules.InvalidValue);
}
