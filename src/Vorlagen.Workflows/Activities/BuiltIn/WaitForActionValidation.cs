using System.Text.Json.Nodes;
using Vorlagen.Workflows.Json;

namespace Vorlagen.Workflows.Activities.BuiltIn;

/// <summary>Definition checks for WaitForAction beyond the input types.</summary>
internal static class WaitForActionValidation
{
    public static IEnumerable<InputProblem> Check(ActivityValidationContext context)
    {
        var actions = new HashSet<string>(StringComparer.Ordinal);
        if (context.Activity["allowedActions"] is JsonArray list)
        {
            if (list.Count == 0)
            {
                yield return new InputProblem("allowedActions", "At least one action is required.");
            }
            for (var i = 0; i < list.Count; i++)
            {
                var action = JsonState.AsString(list[i]);
                if (string.IsNullOrWhiteSpace(action) || action == Ports.In || !actions.Add(action))
                {
                    yield return new InputProblem($"allowedActions[{i}]", "Expected a unique, non-empty action name other than 'In'.");
                }
            }
        }
        foreach (var problem in CheckRoles(context.Activity["allowedRoles"], actions))
        {
            yield return problem;
        }
    }

    private static IEnumerable<InputProblem> CheckRoles(JsonNode? roles, HashSet<string> actions)
    {
        switch (roles)
        {
            case null:
                yield break;
            case JsonArray array:
                foreach (var problem in CheckRoleList(array, "allowedRoles"))
                {
                    yield return problem;
                }
                yield break;
            case JsonObject map:
                foreach (var (action, value) in map)
                {
                    if (!actions.Contains(action))
                    {
                        yield return new InputProblem($"allowedRoles.{action}", $"'{action}' is not one of allowedActions.");
                    }
                    foreach (var problem in CheckRoleList(value, $"allowedRoles.{action}"))
                    {
                        yield return problem;
                    }
                }
                yield break;
            default:
                yield return new InputProblem("allowedRoles", "Expected an array of roles or an object mapping actions to arrays of roles.");
                yield break;
        }
    }

    private static IEnumerable<InputProblem> CheckRoleList(JsonNode? node, string path)
    {
        if (node is not JsonArray array || array.Count == 0 || array.Any(r => string.IsNullOrWhiteSpace(JsonState.AsString(r))))
        {
            yield return new InputProblem(path, "Expected a non-empty array of role names.");
        }
    }
}
