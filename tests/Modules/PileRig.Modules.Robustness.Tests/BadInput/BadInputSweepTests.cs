using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Npgsql;
using PileRig.Modules.Tests.Fixture;
using Shouldly;
using Xunit;

namespace PileRig.Modules.Robustness.Tests.BadInput;

/// <summary>
/// Bad input gets a clear error and changes nothing. Generated from the OpenAPI document the host serves: every
/// operation, as every role (and anonymously), with each kind of bad input (see <see cref="Mutations"/>) applied to one
/// place at a time of an otherwise good request. No answer may be a 5xx, and no 400 may leave a trace in the database.
/// Its own host and database, and one request at a time, so that "changed nothing" can be checked after each 400.
/// </summary>
public sealed partial class BadInputSweepTests
{
    [Fact]
    public async Task No_operation_answers_5xx_to_bad_input_from_any_role_and_no_refusal_writes_anything()
    {
        var host = new PileRigHost();
        await host.InitializeAsync();
        try
        {
            var world = await SweepWorld.BuildAsync(host);
            using var anonymous = host.NewClient();
            var document = await (await anonymous.GetAsync("/openapi/v1.json")).ShouldHaveStatusAsync(HttpStatusCode.OK);
            var openApi = new OpenApiOperations(document);
            var operations = openApi.All().Where(o => o.Path.StartsWith("/api/v1/", StringComparison.Ordinal)).ToList();
            operations.Count.ShouldBeGreaterThan(50);

            var fingerprint = new DatabaseFingerprint(host.ConnectionString);
            await fingerprint.PrepareAsync();
            var failures = new List<string>();
            var sent = 0;
            var kinds = new HashSet<string>();
            foreach (var (role, client) in world.Roles.Prepend(("anonymous", anonymous)))
            {
                foreach (var operation in operations)
                {
                    if (operation.Body != BodyKind.None)
                    {
                        await world.LearnPermissionAsync(operation, role, client, GoodUrl(operation, world, role));
                    }

                    foreach (var probe in Probes(operation, openApi, world, role))
                    {
                        kinds.Add(probe.Kind.Split(':')[0]);
                        var before = await fingerprint.TakeAsync();
                        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), probe.PathAndQuery);
                        if (probe.Body is not null)
                        {
                            request.Content = new ByteArrayContent(probe.Body);
                            if (probe.ContentType is not null)
                            {
                                request.Content.Headers.TryAddWithoutValidation("Content-Type", probe.ContentType);
                            }
                        }

                        foreach (var (name, value) in probe.Headers ?? new Dictionary<string, string>())
                        {
                            request.Headers.TryAddWithoutValidation(name, value);
                        }

                        var response = await client.SendAsync(request);
                        sent++;
                        var status = (int)response.StatusCode;
                        if (status >= 500)
                        {
                            failures.Add($"{role} {operation} [{probe}] → {status}: {await response.Content.ReadAsStringAsync()}");
                        }
                        else if (status < 400 && MustBeRefused(probe))
                        {
                            failures.Add($"{role} {operation} [{probe}] → {status}: accepted text no one can have typed");
                        }
                        else if (status == 400 && await fingerprint.TakeAsync() is var after && after != before)
                        {
                            failures.Add($"{role} {operation} [{probe}] → 400 but wrote: {DatabaseFingerprint.Difference(before, after)}");
                        }
                    }
                }
            }

            if (Environment.GetEnvironmentVariable("PILERIG_SWEEP_REPORT") is { Length: > 0 } report)
            {
                await File.WriteAllLinesAsync(report, failures);
            }

            failures.ShouldBeEmpty($"{failures.Count} of {sent} requests:\n" + string.Join("\n", failures.Take(40)));
            kinds.Count.ShouldBeGreaterThanOrEqualTo(30, string.Join(", ", kinds));
            sent.ShouldBeGreaterThan(5000);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    // Text that is never input: 100,000 characters, NUL, control characters, broken UTF-16. Never stored, wherever sent.
    private static bool MustBeRefused(Probe probe) =>
        probe.Kind.EndsWith(": huge string", StringComparison.Ordinal) || probe.Kind.EndsWith(": huge", StringComparison.Ordinal)
        || probe.Kind.EndsWith(": NUL", StringComparison.Ordinal) || probe.Kind.EndsWith(": control characters", StringComparison.Ordinal)
        || probe.Kind.EndsWith(": control character", StringComparison.Ordinal) || probe.Kind.EndsWith(": lone surrogate", StringComparison.Ordinal);

    private static string GoodUrl(Operation operation, SweepWorld world, string role) =>
        RouteParameter().Replace(operation.Path, m => world.PathValue(operation.Path, m.Groups[1].Value, role));

    /// <summary>The probes for one operation as one role: each mutation kind in each place it applies.</summary>
    private static IEnumerable<Probe> Probes(Operation operation, OpenApiOperations openApi, SweepWorld world, string role)
    {
        var pathValues = operation.Parameters.Where(p => p.In == "path").ToDictionary(p => p.Name, p => world.PathValue(operation.Path, p.Name, role));
        var queryValues = operation.Parameters.Where(p => p.In == "query").ToDictionary(p => p.Name, p => world.QueryValue(p));
        var body = operation.BodySchema is { } schema ? world.Body(schema, openApi, role) : new JsonObject();

        string Url(IReadOnlyDictionary<string, string> path, IReadOnlyDictionary<string, string> query) =>
            RouteParameter().Replace(operation.Path, m => path.GetValueOrDefault(m.Groups[1].Value) ?? world.PathValue(operation.Path, m.Groups[1].Value, role))
            + (query.Count == 0 ? "" : "?" + string.Join("&", query.Where(q => q.Value.Length > 0).Select(q => $"{q.Key}={q.Value}")));

        Probe Json(string kind, string url, JsonNode? json) =>
            new(kind, url, json is null ? null : Encoding.UTF8.GetBytes(Mutations.Text(json)), "application/json");

        var goodUrl = Url(pathValues, queryValues);
        var goodBody = operation.Body switch
        {
            BodyKind.Json => Encoding.UTF8.GetBytes(body.ToJsonString()),
            BodyKind.Multipart => world.MultipartPdf,
            _ => null,
        };
        var goodType = operation.Body switch
        {
            BodyKind.Json => "application/json",
            BodyKind.Multipart => "multipart/form-data; boundary=sweep-boundary",
            _ => null,
        };

        foreach (var parameter in operation.Parameters)
        {
            foreach (var (kind, value) in Mutations.ForParameter(parameter.Schema))
            {
                var path = new Dictionary<string, string>(pathValues);
                var query = new Dictionary<string, string>(queryValues);
                if (parameter.In == "path")
                {
                    path[parameter.Name] = value.Length == 0 ? "%20" : value;
                }
                else
                {
                    query[parameter.Name] = value;
                }

                yield return new Probe($"{parameter.In} {parameter.Name}: {kind}", Url(path, query), goodBody, goodType);
            }
        }

        if (operation.Method is "GET")
        {
            yield break;
        }

        foreach (var (kind, headers) in Mutations.ForHeaders())
        {
            yield return new Probe($"header: {kind}", goodUrl, goodBody, goodType, headers);
        }

        if (operation.Body == BodyKind.Multipart)
        {
            foreach (var (kind, bytes, type) in Mutations.ForMultipart(world.Pdf))
            {
                yield return new Probe($"body: {kind}", goodUrl, bytes, type);
            }

            yield break;
        }

        foreach (var (kind, bytes, type) in Mutations.ForJsonBody(body))
        {
            yield return new Probe($"body: {kind}", goodUrl, bytes, type);
        }

        // Field by field only where this role may call the operation at all: elsewhere the body is never read.
        if (operation.BodySchema is null || !world.MayCall(operation, role))
        {
            yield break;
        }

        foreach (var (name, value) in Fields(body))
        {
            var fieldSchema = FieldSchema(operation.BodySchema, name, openApi);
            yield return Json($"field {name}: missing", goodUrl, Without(body, name));
            foreach (var (kind, replacement) in Mutations.ForJsonValue(fieldSchema))
            {
                yield return Json($"field {name}: {kind}", goodUrl, With(body, name, replacement));
            }
        }
    }

    // Top-level fields and the fields of objects inside arrays (a rig's components), as dotted paths.
    private static IEnumerable<(string Name, JsonNode? Value)> Fields(JsonObject body)
    {
        foreach (var (name, value) in body)
        {
            yield return (name, value);
            if (value is JsonArray { Count: > 0 } array && array[0] is JsonObject first)
            {
                foreach (var (inner, innerValue) in first)
                {
                    yield return ($"{name}[0].{inner}", innerValue);
                }
            }
        }
    }

    private static JsonObject FieldSchema(JsonObject bodySchema, string path, OpenApiOperations openApi)
    {
        var parts = path.Split('.');
        var schema = openApi.Resolve(bodySchema["properties"]![parts[0].Replace("[0]", "", StringComparison.Ordinal)]!.AsObject());
        if (parts.Length > 1 && schema["items"] is JsonObject items)
        {
            schema = openApi.Resolve(openApi.Resolve(items)["properties"]![parts[1]]!.AsObject());
        }

        return schema;
    }

    private static JsonObject With(JsonObject body, string path, JsonNode? value)
    {
        var copy = body.DeepClone().AsObject();
        var parts = path.Split('.');
        if (parts.Length == 1)
        {
            copy[path] = value?.DeepClone();
        }
        else
        {
            copy[parts[0].Replace("[0]", "", StringComparison.Ordinal)]!.AsArray()[0]!.AsObject()[parts[1]] = value?.DeepClone();
        }

        return copy;
    }

    private static JsonObject Without(JsonObject body, string path)
    {
        var copy = body.DeepClone().AsObject();
        var parts = path.Split('.');
        if (parts.Length == 1)
        {
            copy.Remove(path);
        }
        else
        {
            copy[parts[0].Replace("[0]", "", StringComparison.Ordinal)]!.AsArray()[0]!.AsObject().Remove(parts[1]);
        }

        return copy;
    }

    [GeneratedRegex(@"\{([^}:]+)(?::[^}]*)?\}")]
    private static partial Regex RouteParameter();
}

/// <summary>
/// What the database holds, in one line: rows and the latest change of every table a request can write (not the ones
/// only background work touches: the outbox, notifications fed by messages, the audit chain). Equal before and after a
/// request means it wrote nothing.
/// </summary>
public sealed class DatabaseFingerprint(string connectionString)
{
    private static readonly string[] Schemas = ["personnel", "enterprises", "projects", "equipment_registry", "files", "pilerig", "events"];

    // Written by message handlers, timers and the failed-scan recorder, not by the request being checked.
    private static readonly string[] Background =
    [
        "mt_doc_inboxnotification", "mt_doc_enterprisedirectoryentry", "mt_doc_ownerdirectoryentry", "mt_doc_expirynoticesent",
        "mt_event_progression", "mt_doc_scanattempt",
    ];

    private string _sql = "";

    public async Task PrepareAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var tables = new NpgsqlCommand("""
            select table_schema, table_name,
                   exists (select 1 from information_schema.columns c where c.table_schema = t.table_schema and c.table_name = t.table_name and c.column_name = 'mt_last_modified')
              from information_schema.tables t
             where table_schema = any($1) and table_type = 'BASE TABLE'
             order by 1, 2
            """, connection);
        tables.Parameters.Add(new NpgsqlParameter { Value = Schemas });
        var parts = new List<string>();
        await using var reader = await tables.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var (schema, table, modified) = (reader.GetString(0), reader.GetString(1), reader.GetBoolean(2));
            if (Background.Contains(table))
            {
                continue;
            }

            var latest = modified ? "coalesce(max(mt_last_modified)::text, '-')" : table == "mt_events" ? "coalesce(max(seq_id)::text, '-')" : "'-'";
            parts.Add($"select '{schema}.{table}=' || count(*) || '@' || {latest} from {schema}.{table}");
        }

        _sql = "select string_agg(x, ' ') from (" + string.Join(" union all ", parts) + ") f(x)";
    }

    public async Task<string> TakeAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(_sql, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public static string Difference(string before, string after) =>
        string.Join(", ", after.Split(' ').Except(before.Split(' ')));
}
