using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Vorlagen.Benchmarks.Api;

/// <summary>An HTTP client signed in as one demo user (bearer token), timing each request.</summary>
internal sealed class ApiClient : IDisposable
{
    private static readonly SocketsHttpHandler Handler = new() { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(30) };
    private readonly HttpClient _http;

    private ApiClient(Uri address, string? token)
    {
        _http = new HttpClient(Handler, disposeHandler: false) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
        if (token is not null) _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public static ApiClient Anonymous(Uri address) => new(address, null);

    public static async Task<ApiClient> SignInAsync(Uri address, string username)
    {
        using var anonymous = new HttpClient(Handler, disposeHandler: false) { BaseAddress = address };
        var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { username, password = "demo" });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        return new ApiClient(address, token);
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        await Ensure(response, path);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> PostJsonAsync(string path, object? body)
    {
        using var response = await _http.PostAsJsonAsync(path, body);
        await Ensure(response, path);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>One timed request (the body is read completely); throws on anything but 2xx.</summary>
    public async Task<TimeSpan> TimeAsync(HttpMethod method, string path, object? body = null, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        await Ensure(response, path);
        return elapsed;
    }

    private static async Task Ensure(HttpResponseMessage response, string path)
    {
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{(int)response.StatusCode} from {path}: {await response.Content.ReadAsStringAsync()}");
    }

    public void Dispose() => _http.Dispose();
}
