using System.Text.Json.Nodes;
using Vorlagen.Workflows.Activities;

namespace Vorlagen.Workflows.Definitions;

/// <summary>
/// Reads <c>root.activities[]</c>: ids (unique), types (registered), and each activity's inputs
/// against its type's descriptor (required, types, unknown properties, the type's own rules).
/// </summary>
internal sealed class ActivityReader(ActivityRegistry registry, ErrorSink errors, ActivityValidationContextFactory contexts)
{
    private static readonly string[] CommonProperties = ["id", "type", "version", "name", "description", "metadata"];

    public List<ReadActivity> Read(JsonArray activities)
    {
        var result = new List<ReadActivity>();
        var firstPathById = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < activities.Count; i++)
        {
            var path = $"$.root.activities[{i}]";
            if (activities[i] is not JsonObject activity)
            {
                errors.Add(path, $"Expected an activity object but found {JsonKinds.Describe(activities[i])}.");
                continue;
            }
            var id = PropertyRules.RequiredString(activity, "id", path, errors);
            if (id is not null && !firstPathById.TryAdd(id, path))
            {
                errors.Add($"{path}.id", $"Duplicate activity id '{id}' (first used at {firstPathById[id]}).");
                id = null;
            }
            var type = PropertyRules.RequiredString(activity, "type", path, errors);
            var descriptor = type is null ? null : registry.Find(type);
            if (type is not null && descriptor is null)
            {
                errors.Add($"{path}.type", $"Unknown activity type '{type}'. Known types: {string.Join(", ", registry.Descriptors.Select(d => d.TypeName).Order(StringComparer.Ordinal))}.");
            }
            var before = errors.Count;
            var version = PropertyRules.OptionalPositiveInteger(activity, "version", path, errors) ?? 1;
            PropertyRules.OptionalType(activity, "name", InputType.String, path, errors);
            PropertyRules.OptionalType(activity, "description", InputType.String, path, errors);
            PropertyRules.OptionalType(activity, "metadata", InputType.Object, path, errors);
            if (descriptor is not null)
            {
                CheckInputs(activity, descriptor, path);
            }
            if (id is not null && type is not null)
            {
                var node = new ActivityNode(id, type, version, JsonKinds.String(activity["name"]), activity);
                result.Add(new ReadActivity(i, path, node, descriptor, InputsValid: errors.Count == before));
            }
        }
        return result;
    }

    private void CheckInputs(JsonObject activity, ActivityDescriptor descriptor, string path)
    {
        var before = errors.Count;
        PropertyRules.CheckKnown(activity, path, [.. CommonProperties, .. descriptor.Inputs.Select(i => i.Name)], errors);
        foreach (var input in descriptor.Inputs)
        {
            if (!activity.ContainsKey(input.Name))
            {
                if (input.Required)
                {
                    errors.Add($"{path}.{input.Name}", $"Required input of {descriptor.TypeName} is missing.");
                }
                continue;
            }
            PropertyRules.OptionalType(activity, input.Name, input.Type, path, errors);
        }
        if (errors.Count > before || descriptor.Validate is null)
        {
            return;
        }
        foreach (var problem in descriptor.Validate(contexts.Create(activity)))
        {
            errors.Add(problem.RelativePath.Length == 0 ? path : $"{path}.{problem.RelativePath}", problem.Message);
        }
    }
}
