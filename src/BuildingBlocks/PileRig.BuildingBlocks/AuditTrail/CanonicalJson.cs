using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PileRig.BuildingBlocks.AuditTrail;

/// <summary>
/// One spelling for a JSON value, so a hash over it does not depend on who wrote it: PostgreSQL's jsonb reorders keys
/// and drops whitespace, an export re-indents. Keys sorted ordinally, no whitespace, numbers as their shortest decimal.
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Canonicalize(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return "null";
        }

        using var document = JsonDocument.Parse(json);
        return Canonicalize(document.RootElement);
    }

    public static string Canonicalize(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        WriteTo(buffer, element);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Appends the canonical UTF-8 spelling of <paramref name="element"/> to <paramref name="output"/> (the hash's hot path).</summary>
    public static void WriteTo(IBufferWriter<byte> output, JsonElement element)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        Write(writer, element);
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                var properties = SortedProperties(element, out var count);
                for (var i = 0; i < count; i++)
                {
                    writer.WritePropertyName(properties[i].Name);
                    Write(writer, properties[i].Value);
                }

                ArrayPool<(string, JsonElement)>.Shared.Return(properties, clearArray: true);
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.Number:
                WriteNumber(writer, element);
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    // Keys in ordinal order, each name read once (JsonProperty.Name allocates on every call, a sort calls it n log n times).
    private static (string Name, JsonElement Value)[] SortedProperties(JsonElement element, out int count)
    {
        var properties = ArrayPool<(string Name, JsonElement Value)>.Shared.Rent(16);
        count = 0;
        foreach (var property in element.EnumerateObject())
        {
            if (count == properties.Length)
            {
                var larger = ArrayPool<(string, JsonElement)>.Shared.Rent(count * 2);
                properties.AsSpan(0, count).CopyTo(larger);
                ArrayPool<(string, JsonElement)>.Shared.Return(properties, clearArray: true);
                properties = larger;
            }

            properties[count++] = (property.Name, property.Value);
        }

        properties.AsSpan(0, count).Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return properties;
    }

    // 12.50, 1.25E1 and 12.5 are one number; jsonb keeps the scale it was given, a serializer may not. A plain integer
    // (digits only, short, not "-0") is already in its canonical spelling and is written as it is.
    private static void WriteNumber(Utf8JsonWriter writer, JsonElement element)
    {
        var raw = element.GetRawText();
        if (IsPlainInteger(raw))
        {
            writer.WriteRawValue(raw, skipInputValidation: true);
            return;
        }

        writer.WriteRawValue(CanonicalNumber(raw), skipInputValidation: true);
    }

    private static bool IsPlainInteger(string raw)
    {
        var digits = raw.AsSpan(raw.StartsWith('-') ? 1 : 0);
        if (digits.Length is 0 or > 18 || raw == "-0" || (digits.Length > 1 && digits[0] == '0'))
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static string CanonicalNumber(string raw)
    {
        if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
        }

        return double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);
    }
}
