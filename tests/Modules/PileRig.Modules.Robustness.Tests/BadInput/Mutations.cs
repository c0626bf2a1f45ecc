using System.Text;
using System.Text.Json.Nodes;

namespace PileRig.Modules.Robustness.Tests.BadInput;

/// <summary>A request as the sweep sends it: the path with its query, the body bytes and their content type, extra headers.</summary>
public sealed record Probe(string Kind, string PathAndQuery, byte[]? Body, string? ContentType, IReadOnlyDictionary<string, string>? Headers = null)
{
    public override string ToString() => $"{Kind}: {PathAndQuery}";
}

/// <summary>
/// The kinds of bad input a phone, a browser, a script or an attacker sends: wrong types, missing and extra fields,
/// huge, empty, NUL, control and broken-UTF-16 strings, emoji and bidi overrides, extreme numbers and dates, zero and
/// unknown ids, malformed JSON, wrong content types, truncated multipart. Each is applied to one place at a time on a
/// request that is otherwise good, so the bad part is what the host must answer to.
/// </summary>
public static class Mutations
{
    public static readonly string Huge = new('桩', 100_000);

    public const string LoneSurrogateMarker = "@@lone-surrogate@@";

    /// <summary>The JSON text of a body, with the lone-surrogate marker as the escape <c>\ud800</c> that no encoder writes.</summary>
    public static string Text(JsonNode body) => body.ToJsonString().Replace(LoneSurrogateMarker, "a\\ud800b", StringComparison.Ordinal);

    /// <summary>Replacements for one string-or-other value in a JSON body: (kind, value).</summary>
    public static IEnumerable<(string Kind, JsonNode? Value)> ForJsonValue(JsonObject schema)
    {
        yield return ("null", null);
        yield return ("wrong type: number", JsonValue.Create(12345));
        yield return ("wrong type: boolean", JsonValue.Create(true));
        yield return ("wrong type: object", new JsonObject { ["x"] = 1 });
        yield return ("wrong type: array", new JsonArray(1, "a"));
        yield return ("wrong type: string", JsonValue.Create("not-a-value"));
        yield return ("empty string", JsonValue.Create(""));
        yield return ("blank string", JsonValue.Create("   \t  "));
        yield return ("huge string", JsonValue.Create(Huge));
        yield return ("NUL", JsonValue.Create("ab\u0000cd"));
        yield return ("control characters", JsonValue.Create("a\u0001b\u001bc\u007f"));
        // A writer would repair a lone surrogate; the marker is replaced by the raw escape when the body is written.
        yield return ("lone surrogate", JsonValue.Create(LoneSurrogateMarker));
        yield return ("emoji", JsonValue.Create("桩机🚧👷‍♂️"));
        yield return ("bidi override", JsonValue.Create("\u202Eexe.gpj"));
        yield return ("markup", JsonValue.Create("<script>alert(1)</script>"));
        yield return ("SQL", JsonValue.Create("'; drop table mt_events; --"));
        yield return ("zero GUID", JsonValue.Create(Guid.Empty.ToString()));
        yield return ("unknown GUID", JsonValue.Create(Guid.NewGuid().ToString()));
        yield return ("earliest date", JsonValue.Create("0001-01-01"));
        yield return ("latest date", JsonValue.Create("9999-12-31"));
        yield return ("impossible date", JsonValue.Create("2026-02-30"));
        yield return ("huge number", JsonNode.Parse("1e308"));
        yield return ("number beyond double", JsonNode.Parse("1" + new string('0', 400)));
        yield return ("negative number", JsonValue.Create(-1));
        yield return ("zero", JsonValue.Create(0));
        yield return ("beyond int32", JsonValue.Create(2147483648L));
        yield return ("tiny fraction", JsonValue.Create(0.0000001m));
        if (OpenApiOperations.IsType(schema, "array"))
        {
            yield return ("array of 1,000 items", new JsonArray(Enumerable.Range(0, 1000).Select(_ => (JsonNode?)JsonValue.Create(Guid.NewGuid().ToString())).ToArray()));
            yield return ("array of nulls", new JsonArray(null, null));
        }
    }

    /// <summary>Whole-body mutations of a JSON request.</summary>
    public static IEnumerable<(string Kind, byte[]? Body, string? ContentType)> ForJsonBody(JsonObject good)
    {
        static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
        var text = good.ToJsonString();
        yield return ("no body", null, null);
        yield return ("empty body", [], "application/json");
        yield return ("JSON null", Utf8("null"), "application/json");
        yield return ("JSON array", Utf8("[]"), "application/json");
        yield return ("JSON string", Utf8("\"text\""), "application/json");
        yield return ("malformed JSON", Utf8("{\"x\":"), "application/json");
        yield return ("truncated JSON", Utf8(text[..(text.Length / 2)]), "application/json");
        yield return ("JSON nested 200 deep", Utf8(new string('[', 200) + new string(']', 200)), "application/json");
        yield return ("extra fields", Utf8(text.TrimEnd('}') + (good.Count > 0 ? "," : "") + "\"$type\":\"System.Object\",\"__proto__\":{\"admin\":true}}"), "application/json");
        yield return ("duplicate field", Utf8(good.Count > 0 ? text.TrimEnd('}') + "," + text[1..] : text), "application/json");
        yield return ("text/plain", Utf8(text), "text/plain");
        yield return ("form-urlencoded", Utf8("a=1&b=2"), "application/x-www-form-urlencoded");
        yield return ("XML", Utf8("<a>1</a>"), "application/xml");
        yield return ("invalid UTF-8", [(byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}'], "application/json");
        yield return ("600 kB of JSON", Utf8("{\"x\":\"" + new string('a', 600_000) + "\"}"), "application/json");
    }

    /// <summary>Mutations of a multipart upload.</summary>
    public static IEnumerable<(string Kind, byte[]? Body, string? ContentType)> ForMultipart(byte[] goodFile)
    {
        const string boundary = "sweep-boundary";
        const string type = "multipart/form-data; boundary=" + boundary;
        static byte[] Part(string field, string fileName, byte[] content, bool close = true) =>
        [
            .. Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{fileName}\"\r\nContent-Type: application/pdf\r\n\r\n"),
            .. content,
            .. close ? Encoding.UTF8.GetBytes($"\r\n--{boundary}--\r\n") : [],
        ];
        var whole = Part("file", "a.pdf", goodFile);
        yield return ("truncated multipart", whole[..(whole.Length - 12)], type);
        yield return ("multipart cut inside the part", Part("file", "a.pdf", goodFile, close: false)[..40], type);
        yield return ("multipart without boundary", whole, "multipart/form-data");
        yield return ("multipart with another boundary", whole, "multipart/form-data; boundary=other");
        yield return ("multipart, wrong field", Part("document", "a.pdf", goodFile), type);
        yield return ("multipart, empty file", Part("file", "a.pdf", []), type);
        yield return ("multipart, NUL in the file name", Part("file", "a\u0000b.pdf", goodFile), type);
        yield return ("multipart, 2 MB file", Part("file", "big.pdf", [.. goodFile, .. new byte[2 * 1024 * 1024]]), type);
        yield return ("multipart, text pretending to be a PDF", Part("file", "a.pdf", "<html>no</html>"u8.ToArray()), type);
        yield return ("multipart as JSON", "{}"u8.ToArray(), "application/json");
    }

    /// <summary>Replacements for a path or query value.</summary>
    public static IEnumerable<(string Kind, string Value)> ForParameter(JsonObject schema)
    {
        yield return ("zero GUID", Guid.Empty.ToString());
        yield return ("unknown GUID", Guid.NewGuid().ToString());
        yield return ("not a GUID", "not-a-guid");
        yield return ("empty", "");
        yield return ("huge", new string('x', 5000));
        yield return ("NUL", "%00");
        yield return ("control character", "a%01b");
        yield return ("broken percent-encoding", "%E0%A4%A");
        yield return ("emoji", "%F0%9F%9A%A7");
        yield return ("bidi override", "%E2%80%AE");
        yield return ("path traversal", "..%2F..%2Fetc%2Fpasswd");
        yield return ("negative", "-1");
        yield return ("zero", "0");
        yield return ("beyond int32", "2147483648");
        yield return ("earliest date", "0001-01-01");
        yield return ("latest date", "9999-12-31");
        yield return ("impossible date", "2026-02-30");
        yield return ("moment with +08:00", "2026-06-21T08%3A00%3A00%2B08%3A00");
        yield return ("moment without offset", "2026-06-21T08:00:00");
        yield return ("wrong type: boolean", "maybe");
    }

    /// <summary>Header mutations every command meets.</summary>
    public static IEnumerable<(string Kind, IReadOnlyDictionary<string, string> Headers)> ForHeaders()
    {
        yield return ("Idempotency-Key too long", new Dictionary<string, string> { ["Idempotency-Key"] = new('k', 500) });
        yield return ("Idempotency-Key with a space", new Dictionary<string, string> { ["Idempotency-Key"] = "a b" });
        yield return ("odd Accept-Language", new Dictionary<string, string> { ["Accept-Language"] = "xx-YY;q=2, *;q=-1" });
    }
}
