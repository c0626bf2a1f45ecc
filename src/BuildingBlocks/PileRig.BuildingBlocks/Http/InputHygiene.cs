using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using PileRig.BuildingBlocks.Errors;
using PileRig.SharedKernel.Rules;

namespace PileRig.BuildingBlocks.Http;

/// <summary>
/// Input hygiene at the edge, for every endpoint before any of its code runs: text is trimmed; control characters, NUL
/// and broken UTF-16 are refused naming the field (PostgreSQL cannot store NUL, and nobody types it); every string of a
/// JSON body is limited to its property's <see cref="MaxLengthAttribute"/> (<see cref="DefaultMaxLength"/> when it has
/// none), the same figure the OpenAPI document shows as <c>maxLength</c>; query values and route values likewise, and
/// an all-zero id in a route is simply not found. Answers are 400 (404 for the zero id) with the field and the rule.
/// </summary>
public sealed class InputHygieneMiddleware(RequestDelegate next)
{
    /// <summary>For a string property without its own <see cref="MaxLengthAttribute"/>: names, numbers, codes.</summary>
    public const int DefaultMaxLength = 200;

    /// <summary>For a query or route value.</summary>
    public const int MaxParameterLength = 200;

    /// <summary>No command body is anywhere near this; a bigger one is refused before it is parsed.</summary>
    public const int MaxJsonBodyBytes = 512 * 1024;

    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 16 };

    public async Task InvokeAsync(HttpContext http)
    {
        CheckRouteValues(http);
        CheckQuery(http.Request.Query);
        if (HasJsonBody(http.Request) && http.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is { } bodyType)
        {
            await NormaliseJsonBodyAsync(http.Request, bodyType);
        }

        await next(http);
    }

    private static void CheckRouteValues(HttpContext http)
    {
        foreach (var (name, value) in http.Request.RouteValues)
        {
            if (value is not string text)
            {
                continue;
            }

            CheckText(name, text, MaxParameterLength);
            if (Guid.TryParseExact(text, "D", out var id) && id == Guid.Empty)
            {
                throw new RuleViolationException(CommonRules.NotFound);
            }
        }
    }

    private static void CheckQuery(IQueryCollection query)
    {
        foreach (var (name, values) in query)
        {
            CheckText(name, name, MaxParameterLength);
            foreach (var value in values)
            {
                CheckText(name, value ?? "", MaxParameterLength);
            }
        }
    }

    private static bool HasJsonBody(HttpRequest request) =>
        (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method))
        && request.HasJsonContentType();

    private static async Task NormaliseJsonBodyAsync(HttpRequest request, Type bodyType)
    {
        if (request.ContentLength > MaxJsonBodyBytes)
        {
            throw new InputValidationException("body", CommonRules.TooLong, ("max", MaxJsonBodyBytes));
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        if (buffer.Length > MaxJsonBodyBytes)
        {
            throw new InputValidationException("body", CommonRules.TooLong, ("max", MaxJsonBodyBytes));
        }

        JsonNode? root;
        try
        {
            root = buffer.Length == 0 ? null : JsonNode.Parse(buffer.ToArray(), documentOptions: ParseOptions);
        }
        catch (JsonException)
        {
            // Not JSON: the endpoint's own binding answers request.malformed. The body is handed on unchanged.
            root = null;
        }

        if (root is not null)
        {
            try
            {
                Normalise(root, bodyType, "");
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or JsonException)
            {
                // A property named twice, text that is not UTF-8: JSON only in form, refused before any binding sees it.
                throw new RuleViolationException(CommonRules.MalformedRequest);
            }

            var normalised = Encoding.UTF8.GetBytes(root.ToJsonString());
            request.Body = new MemoryStream(normalised);
            request.ContentLength = normalised.Length;
        }
        else
        {
            buffer.Position = 0;
            request.Body = new MemoryStream(buffer.ToArray());
        }
    }

    // Walks the JSON beside the type it binds to, replacing each string by its trimmed, checked self.
    private static void Normalise(JsonNode node, Type? type, string path)
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, child) in obj.ToList())
            {
                var property = type is null ? null : PropertyOf(type, name);
                var childPath = path.Length == 0 ? name : $"{path}.{name}";
                if (child is JsonValue value && value.GetValueKind() == JsonValueKind.String)
                {
                    obj[name] = NormaliseText(childPath, value.GetValue<string>(), property);
                }
                else if (child is not null)
                {
                    Normalise(child, property?.PropertyType, childPath);
                }
            }
        }
        else if (node is JsonArray array)
        {
            var elementType = type is null ? null : ElementTypeOf(type);
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is JsonValue item && item.GetValueKind() == JsonValueKind.String)
                {
                    array[i] = NormaliseText($"{path}[{i}]", item.GetValue<string>(), null);
                }
                else if (array[i] is { } child)
                {
                    Normalise(child, elementType, $"{path}[{i}]");
                }
            }
        }
    }

    private static JsonValue NormaliseText(string field, string text, PropertyInfo? property)
    {
        var trimmed = text.Trim();
        CheckText(field, trimmed, MaxLengthOf(property));
        return JsonValue.Create(trimmed);
    }

    private static void CheckText(string field, string text, int maxLength)
    {
        if (text.Length > maxLength)
        {
            throw new InputValidationException(field, CommonRules.TooLong, ("max", maxLength));
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            // Line breaks and tabs are text (a reason, an address); every other control character is not.
            if ((char.IsControl(c) && c is not ('\n' or '\r' or '\t')) || c is '\uFFFE' or '\uFFFF')
            {
                throw new InputValidationException(field, CommonRules.ControlCharacters);
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                throw new InputValidationException(field, CommonRules.ControlCharacters);
            }
        }
    }

    // ---- What the request type says about a JSON property (cached per type and name). ----

    private static readonly ConcurrentDictionary<(Type, string), PropertyInfo?> Properties = new();

    public static int MaxLengthOf(PropertyInfo? property) =>
        property?.GetCustomAttribute<MaxLengthAttribute>()?.Length
        ?? property?.GetCustomAttribute<StringLengthAttribute>()?.MaximumLength
        ?? DefaultMaxLength;

    private static PropertyInfo? PropertyOf(Type type, string jsonName) =>
        Properties.GetOrAdd((type, jsonName), key => key.Item1.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => string.Equals(p.Name, key.Item2, StringComparison.OrdinalIgnoreCase)));

    private static Type? ElementTypeOf(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0];
}
