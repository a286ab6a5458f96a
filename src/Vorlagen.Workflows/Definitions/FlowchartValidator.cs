using System.Text.Json.Nodes;
using Vorlagen.Workflows.Activities;

namespace Vorlagen.Workflows.Definitions;

/// <summary>
/// Graph rules of a flowchart: exactly one start; connections that point at existing activities
/// and ports and are not duplicated; every activity reachable from the start.
/// </summary>
internal sealed class FlowchartValidator(ErrorSink errors)
{
    public List<Connection> Validate(IReadOnlyList<ReadActivity> activities, JsonArray connections)
    {
        var byId = activities.ToDictionary(a => a.Node.Id, StringComparer.Ordinal);
        var starts = activities.Where(a => a.Node.Type == BuiltInActivityTypes.Start).ToList();
        if (starts.Count == 0)
        {
            errors.Add("$.root.activities", $"No {BuiltInActivityTypes.Start} activity; a flowchart needs exactly one.");
        }
        foreach (var extra in starts.Skip(1))
        {
            errors.Add($"{extra.Path}.type", $"Second {BuiltInActivityTypes.Start} activity; a flowchart needs exactly one (the first is at {starts[0].Path}).");
        }
        var (valid, edges) = ReadConnections(byId, connections);
        if (starts.Count == 1)
        {
            CheckReachability(activities, starts[0].Node.Id, edges);
        }
        return valid;
    }

    /// <summary>
    /// Returns the valid connections, and the edges between existing activities (valid or not) so
    /// that one bad port does not also report everything behind it as unreachable.
    /// </summary>
    private (List<Connection> Valid, List<Connection> Edges) ReadConnections(Dictionary<string, ReadActivity> byId, JsonArray connections)
    {
        var valid = new List<Connection>();
        var edges = new List<Connection>();
        var firstPathByConnection = new Dictionary<Connection, string>();
        for (var i = 0; i < connections.Count; i++)
        {
            var path = $"$.root.connections[{i}]";
            if (connections[i] is not JsonObject connection)
            {
                errors.Add(path, $"Expected a connection object but found {JsonKinds.Describe(connections[i])}.");
                continue;
            }
            var before = errors.Count;
            PropertyRules.CheckKnown(connection, path, ["source", "target", "vertices"], errors);
            var source = ReadEndpoint(connection, "source", path, byId);
            var target = ReadEndpoint(connection, "target", path, byId);
            if (source is null || target is null)
            {
                continue;
            }
            var edge = new Connection(source, target);
            edges.Add(edge);
            if (errors.Count > before)
            {
                continue;
            }
            if (!firstPathByConnection.TryAdd(edge, path))
            {
                errors.Add(path, $"Duplicate connection {source.Activity}.{source.Port} → {target.Activity}.{target.Port} (first at {firstPathByConnection[edge]}).");
                continue;
            }
            valid.Add(edge);
        }
        return (valid, edges);
    }

    /// <summary>The endpoint when its activity exists; a port it lacks is reported but still returned.</summary>
    private ConnectionEndpoint? ReadEndpoint(JsonObject connection, string end, string path, Dictionary<string, ReadActivity> byId)
    {
        var endPath = $"{path}.{end}";
        if (connection[end] is not JsonObject endpoint)
        {
            errors.Add(endPath, "Expected an object with 'activity' and 'port'.");
            return null;
        }
        PropertyRules.CheckKnown(endpoint, endPath, ["activity", "port"], errors);
        var activityId = PropertyRules.RequiredString(endpoint, "activity", endPath, errors);
        var port = PropertyRules.RequiredString(endpoint, "port", endPath, errors);
        if (activityId is null || port is null)
        {
            return null;
        }
        if (!byId.TryGetValue(activityId, out var activity))
        {
            errors.Add($"{endPath}.activity", $"Dangling connection: there is no activity '{activityId}'.");
            return null;
        }
        if (activity is { Descriptor: { } descriptor, InputsValid: true })
        {
            var ports = end == "source"
                ? descriptor.Outcomes(activity.Node.Properties)
                : descriptor.AcceptsIncoming ? [Ports.In] : [];
            if (!ports.Contains(port))
            {
                var has = ports.Count == 0 ? "none" : string.Join(", ", ports);
                errors.Add($"{endPath}.port", $"Activity '{activityId}' ({activity.Node.Type}) has no {(end == "source" ? "outcome" : "input")} port '{port}'; its ports: {has}.");
            }
        }
        return new ConnectionEndpoint(activityId, port);
    }

    private void CheckReachability(IReadOnlyList<ReadActivity> activities, string startId, List<Connection> connections)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal) { startId };
        var queue = new Queue<string>([startId]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var next in connections.Where(c => c.Source.Activity == current).Select(c => c.Target.Activity))
            {
                if (reached.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }
        foreach (var unreachable in activities.Where(a => !reached.Contains(a.Node.Id)))
        {
            errors.Add(unreachable.Path, $"Activity '{unreachable.Node.Id}' is unreachable from the start activity.");
        }
    }
}
