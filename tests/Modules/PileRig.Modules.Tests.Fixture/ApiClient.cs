using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shouldly;

namespace PileRig.Modules.Tests.Fixture;

/// <summary>
/// One user's HTTP client against the real host: connects from its own 127.x.y.z address, keeps its own cookies, and
/// sends a bearer token or the anti-forgery header once it has one.
/// </summary>
public sealed class ApiClient : IDisposable
{
    private readonly HttpClient _http;

    public ApiClient(Uri baseAddress, IPAddress localAddress, string? language)
    {
        LocalAddress = localAddress;
        Cookies = new CookieContainer();
        var handler = new SocketsHttpHandler
        {
            CookieContainer = Cookies,
            UseCookies = true,
            AllowAutoRedirect = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(localAddress, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("PileRig-Tests/1.0");
        if (language is not null)
        {
            _http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }
    }

    public IPAddress LocalAddress { get; }

    public CookieContainer Cookies { get; }

    public Uri BaseAddress => _http.BaseAddress!;

    public string? BearerToken => _http.DefaultRequestHeaders.Authorization?.Parameter;

    public void UseBearer(string? token) =>
        _http.DefaultRequestHeaders.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);

    public void UseAntiforgeryToken(string? token)
    {
        _http.DefaultRequestHeaders.Remove("X-XSRF-TOKEN");
        if (token is not null)
        {
            _http.DefaultRequestHeaders.Add("X-XSRF-TOKEN", token);
        }
    }

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null) =>
        _http.PostAsJsonAsync(path, body ?? new { });

    public Task<HttpResponseMessage> PutAsync(string path, object body) => _http.PutAsJsonAsync(path, body);

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken = default) =>
        _http.SendAsync(request, cancellationToken);

    public Task<HttpResponseMessage> PostRawAsync(string path, string json) =>
        _http.PostAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public async Task<HttpResponseMessage> UploadAsync(byte[] content, string fileName, string declaredType = "application/octet-stream")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
        form.Add(file, "file", fileName);
        return await _http.PostAsync("/api/v1/files", form);
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>Reading answers: JSON bodies, and problem details with their rule codes.</summary>
public static class ResponseExtensions
{
    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("empty body");

    /// <summary>Asserts the status and returns the JSON body; on a mismatch the body is in the failure message.</summary>
    public static async Task<JsonNode> ShouldHaveStatusAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered: {body}");
        return string.IsNullOrWhiteSpace(body) ? new JsonObject() : JsonNode.Parse(body)!;
    }

    /// <summary>Asserts a problem-details answer with this status and rule code.</summary>
    public static async Task<JsonNode> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var problem = await response.ShouldHaveStatusAsync(status);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        problem["code"]!.GetValue<string>().ShouldBe(code, problem.ToJsonString());
        return problem;
    }

    /// <summary>The codes of a validation problem's errors for one field.</summary>
    public static IReadOnlyList<string> FieldCodes(this JsonNode problem, string field) =>
        problem["errors"]!.AsArray().Where(e => e!["field"]!.GetValue<string>() == field)
            .Select(e => e!["code"]!.GetValue<string>()).ToList();

    public static string Str(this JsonNode node, string property) => node[property]!.GetValue<string>();

    public static Guid Id(this JsonNode node, string property) => Guid.Parse(node[property]!.GetValue<string>());

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
