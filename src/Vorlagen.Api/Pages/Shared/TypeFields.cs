using System.Globalization;
using System.Text.Json.Nodes;
using Vorlagen.Api.Infrastructure.PaperTypes;

namespace Vorlagen.Api.Pages.Shared;

/// <summary>
/// The form side of a type's own fields (<c>workflows/types</c>): the browser sends each as text (a list as one box per
/// entry, keyed <c>name#0</c>, <c>name#1</c> …); this reads them into the JSON the commands take, which check them, and
/// turns stored JSON back into form values. No field is named here, so a new type needs no page change.
/// </summary>
public static class TypeFields
{
    /// <summary>What the partial <c>_TypeFields</c> renders: the fields, their values, and the form names and error keys.</summary>
    /// <param name="Name">the bound dictionary, e.g. <c>Form.Fields</c>; a field's control is <c>Form.Fields[name]</c>.</param>
    /// <param name="ListRows">boxes a list shows at least (e.g. one answer box per question).</param>
    /// <param name="Errors">the ModelState prefix of the fields' errors (and of the controls' ids), if not <paramref name="Name"/>.</param>
    public sealed record View(IReadOnlyList<PaperFieldDescriptor> Fields, IReadOnlyDictionary<string, string?> Values, string Name, int ListRows = 3,
        string? Errors = null)
    {
        public string? Value(string key) => Values.GetValueOrDefault(key);
        public string Control(string key) => $"{Name}[{key}]";
        public string ErrorKey(string name) => $"{Errors ?? Name}[{name}]";
        public string Id(string key) => ((Errors ?? Name) + "_" + key).Replace('.', '_').Replace('#', '_');
        public IReadOnlyList<string?> Items(PaperFieldDescriptor field)
        {
            var items = ListItems(Values, field.Name).ToList();
            var rows = Math.Max(ListRows, items.Count(i => !string.IsNullOrWhiteSpace(i)) + 1);
            while (items.Count < rows) items.Add(null);
            return items;
        }
    }

    public static string ItemKey(string name, int index) => $"{name}#{index.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The given fields as JSON (empty ones left out; null when none is given).</summary>
    public static JsonObject? Read(IEnumerable<PaperFieldDescriptor> fields, IReadOnlyDictionary<string, string?> values)
    {
        var json = new JsonObject();
        foreach (var field in fields)
        {
            if (field.Kind == PaperFieldKinds.List)
            {
                var items = ListItems(values, field.Name).Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => (JsonNode?)JsonValue.Create(i!.Trim())).ToArray();
                if (items.Length > 0) json[field.Name] = new JsonArray(items);
            }
            else if (values.GetValueOrDefault(field.Name) is { } text && !string.IsNullOrWhiteSpace(text))
            {
                // A paper is named by its number (id); anything else goes to the command as typed, which says what is wrong.
                json[field.Name] = field.Kind == PaperFieldKinds.Paper && long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                    ? JsonValue.Create(id)
                    : JsonValue.Create(field.Kind == PaperFieldKinds.LongText ? text : text.Trim());
            }
        }
        return json.Count == 0 ? null : json;
    }

    /// <summary>Stored fields as form values.</summary>
    public static Dictionary<string, string?> Values(JsonObject? fields)
    {
        var values = new Dictionary<string, string?>();
        foreach (var (name, value) in fields ?? [])
        {
            if (value is JsonArray items)
                for (var i = 0; i < items.Count; i++) values[ItemKey(name, i)] = Text(items[i]);
            else values[name] = Text(value);
        }
        return values;
    }

    /// <summary>The longest list among the stored fields (so the answers get one box per question).</summary>
    public static int LongestList(JsonObject? fields) => (fields ?? []).Select(f => f.Value is JsonArray a ? a.Count : 0).DefaultIfEmpty(0).Max();

    /// <summary>A command's error path ("Fields.Questions") as the form's key ("Fields[questions]"); null for other paths.</summary>
    public static string? MapPath(string path) =>
        path.StartsWith("Fields.", StringComparison.Ordinal) && path.Length > "Fields.".Length
            ? $"Fields[{char.ToLowerInvariant(path["Fields.".Length])}{path[("Fields.".Length + 1)..]}]"
            : null;

    public static string Display(PaperFieldDescriptor field, JsonNode value) => field.Kind switch
    {
        PaperFieldKinds.Date => Text(value) is { } iso ? Format.Date(iso) : "",
        PaperFieldKinds.Choice => Text(value) is { } code ? field.Options?.GetValueOrDefault(code) ?? code : "",
        PaperFieldKinds.Paper => $"Vorlage Nr. {Text(value)}",
        _ => Text(value) ?? "",
    };

    private static IEnumerable<string?> ListItems(IReadOnlyDictionary<string, string?> values, string name) => values
        .Select(kv => (kv.Value, Index: kv.Key.StartsWith(name + "#", StringComparison.Ordinal)
            && int.TryParse(kv.Key[(name.Length + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < 500 ? i : -1))
        .Where(x => x.Index >= 0).OrderBy(x => x.Index).Select(x => x.Value);

    private static string? Text(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        null => null,
        _ => node.ToJsonString(),
    };
}
