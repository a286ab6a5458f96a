using System.Text.Json.Nodes;
using Vorlagen.Workflows.Json;

namespace Vorlagen.Workflows.Activities.BuiltIn;

/// <summary>
/// The payload of a WaitForAction bookmark: <c>{ "allowedActions": [..], "allowedRoles": { action: [roles] } }</c>.
/// An action missing from <see cref="AllowedRoles"/> is open to every actor. Hosts read it from an
/// instance's open bookmarks to show the actions a user may take.
/// </summary>
public sealed record WaitForActionPayload(
    IReadOnlyList<string> AllowedActions,
    IReadOnlyDictionary<string, IReadOnlyList<string>> AllowedRoles)
{
    public const string BookmarkName = BuiltInActivityTypes.WaitForAction;

    public bool IsRoleAllowed(string action, string? role) =>
        !AllowedRoles.TryGetValue(action, out var roles) || (role is not null && roles.Contains(role, StringComparer.Ordinal));

    /// <summary>The allowed actions an actor with <paramref name="role"/> may take.</summary>
    public IReadOnlyList<string> ActionsFor(string? role) => [.. AllowedActions.Where(a => IsRoleAllowed(a, role))];

    /// <summary>Reads the inputs of a WaitForAction: <c>allowedRoles</c> is a role list for all actions or a map.</summary>
    public static WaitForActionPayload FromInputs(JsonNode? allowedActions, JsonNode? allowedRoles)
    {
        var actions = Strings(allowedActions);
        var roles = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        switch (allowedRoles)
        {
            case JsonArray all:
                foreach (var action in actions)
                {
                    roles[action] = Strings(all);
                }
                break;
            case JsonObject map:
                foreach (var (action, list) in map)
                {
                    roles[action] = Strings(list);
                }
                break;
        }
        return new WaitForActionPayload(actions, roles);
    }

    public static WaitForActionPayload FromJson(JsonObject payload) =>
        FromInputs(payload["allowedActions"], payload["allowedRoles"]);

    public JsonObject ToJson()
    {
        var roles = new JsonObject();
        foreach (var (action, list) in AllowedRoles.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            roles[action] = new JsonArray([.. list.Select(r => (JsonNode?)r)]);
        }
        return new JsonObject
        {
            ["allowedActions"] = new JsonArray([.. AllowedActions.Select(a => (JsonNode?)a)]),
            ["allowedRoles"] = roles,
        };
    }

    private static IReadOnlyList<string> Strings(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(JsonState.AsString).OfType<string>()] : [];
}
