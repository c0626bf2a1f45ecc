using System.Text.Json;
using System.Text.Json.Serialization;

namespace PileRig.BuildingBlocks.Http;

/// <summary>
/// How the API writes and reads JSON (web defaults, enums in snake_case, nulls left out). One definition, used by the
/// host's HTTP options and by stored idempotent answers, so a replayed answer reads back exactly as it was sent.
/// </summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        return options;
    }
}
