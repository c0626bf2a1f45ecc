using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PileRig.Host.Composition;

/// <summary>
/// /health as JSON: the overall status and each check's (PostgreSQL, the sealer's lag) with its figures, for a probe
/// (the status code: 200 healthy or degraded, 503 unhealthy) and for a person reading it.
/// </summary>
public static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("status", report.Status.ToString());
            json.WriteStartObject("checks");
            foreach (var (name, entry) in report.Entries)
            {
                json.WriteStartObject(name);
                json.WriteString("status", entry.Status.ToString());
                if (entry.Description is not null)
                {
                    json.WriteString("description", entry.Description);
                }

                foreach (var (key, value) in entry.Data)
                {
                    json.WritePropertyName(key);
                    JsonSerializer.Serialize(json, value, value.GetType());
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return context.Response.Body.WriteAsync(buffer.ToArray()).AsTask();
    }
}
