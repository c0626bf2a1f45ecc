using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PileRig.BuildingBlocks.Http;

namespace PileRig.Host.Composition;

/// <summary>
/// The OpenAPI document tells the truth about input limits: every string a request body carries shows the
/// <c>maxLength</c> the edge enforces (<see cref="InputHygieneMiddleware"/>) — its property's own attribute, else the
/// default for names and codes.
/// </summary>
public static class OpenApiComposition
{
    public static void AddPileRigOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", o => o.AddSchemaTransformer(DefaultStringLimitsAsync));

    private static Task DefaultStringLimitsAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Properties is null || !RequestTypes(context.ApplicationServices).Contains(context.JsonTypeInfo.Type))
        {
            return Task.CompletedTask;
        }

        foreach (var property in context.JsonTypeInfo.Properties)
        {
            if (!schema.Properties.TryGetValue(property.Name, out var propertySchema) || propertySchema is not OpenApiSchema target)
            {
                continue;
            }

            if (target.Type?.HasFlag(JsonSchemaType.String) == true && target.MaxLength is null && target.Format is null)
            {
                target.MaxLength = InputHygieneMiddleware.MaxLengthOf(property.AttributeProvider as PropertyInfo);
            }
            else if (target.Type?.HasFlag(JsonSchemaType.Array) == true && target.Items is OpenApiSchema { Type: { } itemType, Format: null } items
                     && itemType.HasFlag(JsonSchemaType.String) && items.MaxLength is null)
            {
                items.MaxLength = InputHygieneMiddleware.DefaultMaxLength;
            }
        }

        return Task.CompletedTask;
    }

    private static HashSet<Type>? _requestTypes;

    // The types endpoints accept as bodies, and every type reachable through their properties (a rig's components).
    private static HashSet<Type> RequestTypes(IServiceProvider services)
    {
        if (_requestTypes is { } known)
        {
            return known;
        }

        var found = new HashSet<Type>();
        var pending = new Stack<Type>(services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints)
            .Select(e => e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType).OfType<Type>());
        while (pending.TryPop(out var type))
        {
            if (type.Assembly == typeof(string).Assembly || !found.Add(type))
            {
                continue;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var propertyType = property.PropertyType;
                var element = propertyType.IsGenericType ? propertyType.GetGenericArguments()[0] : propertyType;
                pending.Push(Nullable.GetUnderlyingType(element) ?? element);
            }
        }

        return _requestTypes = found;
    }
}
