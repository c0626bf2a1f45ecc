using System.Text.Json.Nodes;

namespace PileRig.Modules.Robustness.Tests.BadInput;

public enum BodyKind
{
    None,
    Json,
    Multipart,
}

public sealed record Parameter(string Name, string In, JsonObject Schema);

/// <summary>One operation of the host's OpenAPI document, with its request body's schema resolved.</summary>
public sealed record Operation(string Method, string Path, IReadOnlyList<Parameter> Parameters, BodyKind Body, JsonObject? BodySchema)
{
    public override string ToString() => $"{Method} {Path}";
}

/// <summary>Reads operations and schemas out of the OpenAPI document the host serves.</summary>
public sealed class OpenApiOperations(JsonNode document)
{
    public IReadOnlyList<Operation> All() =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(method =>
        {
            var operation = method.Value!.AsObject();
            var parameters = (operation["parameters"]?.AsArray() ?? []).Select(p => new Parameter(p!["name"]!.GetValue<string>(),
                p["in"]!.GetValue<string>(), Resolve(p["schema"]!.AsObject()))).ToList();
            var content = operation["requestBody"]?["content"]?.AsObject();
            var body = content is null ? BodyKind.None : content.ContainsKey("multipart/form-data") ? BodyKind.Multipart : BodyKind.Json;
            var schema = content?["application/json"]?["schema"] is JsonObject s ? Resolve(s) : null;
            return new Operation(method.Key.ToUpperInvariant(), path.Key, parameters, body, schema);
        })).ToList();

    /// <summary>The schema itself, with a <c>$ref</c> or a nullable <c>oneOf</c> wrapper followed to what it names.</summary>
    public JsonObject Resolve(JsonObject schema)
    {
        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            return Resolve(document["components"]!["schemas"]![reference.Split('/').Last()]!.AsObject());
        }

        if (schema["oneOf"] is JsonArray options && options.Select(o => o!.AsObject()).FirstOrDefault(o => o["type"]?.ToString() != "null") is { } inner)
        {
            return Resolve(inner);
        }

        return schema;
    }

    public static bool IsType(JsonObject schema, string type) => schema["type"] switch
    {
        JsonValue value => value.GetValue<string>() == type,
        JsonArray types => types.Any(t => t!.GetValue<string>() == type),
        _ => false,
    };
}
