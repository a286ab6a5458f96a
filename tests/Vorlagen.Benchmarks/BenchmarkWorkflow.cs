using System.Text.Json.Nodes;

namespace Vorlagen.Benchmarks;

/// <summary>The measured definition: Start → WaitForAction × <see cref="Steps"/> → End.</summary>
internal static class BenchmarkWorkflow
{
    public const string DefinitionId = "benchmark-ten-waits";
    public const int Steps = 10;
    public const string Action = "next";

    public static string Json()
    {
        var activities = new JsonArray { new JsonObject { ["id"] = "start", ["type"] = "Vorlagen.Start" } };
        var connections = new JsonArray();
        var previous = "start";
        var port = "Done";
        for (var step = 1; step <= Steps; step++)
        {
            var id = $"wait-{step}";
            activities.Add(new JsonObject
            {
                ["id"] = id,
                ["type"] = "Vorlagen.WaitForAction",
                ["allowedActions"] = new JsonArray(Action),
                ["allowedRoles"] = new JsonArray("Sitzungsdienst"),
            });
            connections.Add(Connect(previous, port, id));
            (previous, port) = (id, Action);
        }
        activities.Add(new JsonObject { ["id"] = "end", ["type"] = "Vorlagen.End" });
        connections.Add(Connect(previous, port, "end"));
        return new JsonObject
        {
            ["definitionId"] = DefinitionId,
            ["name"] = "Ten waits",
            ["root"] = new JsonObject { ["type"] = "Vorlagen.Flowchart", ["activities"] = activities, ["connections"] = connections },
        }.ToJsonString();
    }

    private static JsonObject Connect(string source, string port, string target) => new()
    {
        ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
    };
}
