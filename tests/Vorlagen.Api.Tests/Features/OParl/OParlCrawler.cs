using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vorlagen.Api.Tests.Features.OParl;

/// <summary>
/// Starts at the System object and follows every OParl URL it finds (bounded), like a harvesting client.
/// Keeps every answer so tests can check status codes, ids, schema, rules and what must never appear.
/// </summary>
public sealed class OParlCrawler(HttpClient client, int maxRequests = 3000)
{
    public const string Entry = "http://localhost/oparl/v1.1/system";

    public sealed record Answer(string Url, HttpStatusCode Status, string Text, JsonObject? Json)
    {
        public bool IsPage => Json?["data"] is JsonArray;
    }

    public List<Answer> Answers { get; } = [];

    /// <summary>Every object seen, listed, embedded or fetched alone, by id.</summary>
    public Dictionary<string, JsonObject> Objects { get; } = [];

    /// <summary>Every OParl URL found in any answer.</summary>
    public HashSet<string> Referenced { get; } = [];

    public async Task CrawlAsync(string start = Entry)
    {
        var queue = new Queue<string>([start]);
        var seen = new HashSet<string> { start };
        while (queue.Count > 0)
        {
            if (Answers.Count >= maxRequests) throw new InvalidOperationException($"crawl exceeded {maxRequests} requests");
            var url = queue.Dequeue();
            var response = await client.GetAsync(url);
            var text = await response.Content.ReadAsStringAsync();
            var json = response.Content.Headers.ContentType?.MediaType == "application/json" ? JsonNode.Parse(text) as JsonObject : null;
            var answer = new Answer(url, response.StatusCode, text, json);
            Answers.Add(answer);
            if (json is null || response.StatusCode != HttpStatusCode.OK) continue;
            if (!answer.IsPage) Collect(json);
            else foreach (var item in json["data"]!.AsArray().OfType<JsonObject>()) Collect(item);
            foreach (var found in Urls(json))
            {
                Referenced.Add(found);
                if (seen.Add(found)) queue.Enqueue(found);
            }
        }
    }

    private void Collect(JsonObject item)
    {
        if (item["id"]?.GetValue<string>() is { } id && item["type"] is not null) Objects.TryAdd(id, item);
        foreach (var (_, value) in item)
            switch (value)
            {
                case JsonObject embedded: Collect(embedded); break;
                case JsonArray array: foreach (var element in array.OfType<JsonObject>()) Collect(element); break;
            }
    }

    private static IEnumerable<string> Urls(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Urls(p.Value)),
        JsonArray array => array.SelectMany(Urls),
        JsonValue value when value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { } s
                             && s.StartsWith("http://localhost/oparl/", StringComparison.Ordinal) => [s],
        _ => [],
    };
}
