using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Vorlagen.Api.Tests.Features.OParl;

/// <summary>
/// The specification text's rules that the official schema does not express: created/modified on every object,
/// embedded ones included, in <c>yyyy-mm-ddThh:mm:ss±hh:mm</c>; no <c>null</c> anywhere; the Body's 1.1 list links
/// (ZWINGEND); AgendaItem.order; GeoJSON as a Feature; deleted objects reduced to id/type/created/modified/deleted;
/// properties outside the schema only with our vendor prefix; list pages with data/pagination/links and
/// <c>links.next</c> on every page but the last.
/// </summary>
public static partial class OParlRules
{
    public const string TypePrefix = "https://schema.oparl.org/1.1/";
    public const string VendorPrefix = "vorlagen:";

    private static readonly string[] BodyLists =
        ["organization", "person", "meeting", "paper", "agendaItem", "consultation", "file", "membership", "locationList", "legislativeTermList"];

    private static readonly Lazy<IReadOnlyDictionary<string, HashSet<string>>> Properties = new(() =>
        Directory.GetFiles(Path.Combine(OParlSchemas.SpecFolder, "schema"), "*.json").ToDictionary(
            f => Path.GetFileNameWithoutExtension(f),
            f => JsonNode.Parse(File.ReadAllText(f))!["properties"]!.AsObject().Select(p => p.Key).ToHashSet()));

    /// <summary>Rule violations of an object and everything embedded in it.</summary>
    public static IReadOnlyList<string> CheckObject(JsonObject item)
    {
        var errors = new List<string>();
        CheckObject(item, "$", errors);
        return errors;
    }

    /// <summary>Rule violations of a list page (including its objects).</summary>
    public static IReadOnlyList<string> CheckPage(JsonObject page)
    {
        var errors = new List<string>();
        foreach (var key in new[] { "data", "pagination", "links" })
            if (page[key] is null) errors.Add($"list page without '{key}'");
        NoNulls(page, "$", errors);
        if (page["data"] is JsonArray data)
            foreach (var (item, i) in data.Select((d, i) => (d, i)))
                if (item is JsonObject obj) CheckObject(obj, $"$.data[{i}]", errors);
                else errors.Add($"$.data[{i}] is not an object");
        if (page["pagination"] is JsonObject pagination && page["links"] is JsonObject links)
        {
            var current = pagination["currentPage"]?.GetValue<int>();
            var total = pagination["totalPages"]?.GetValue<int>();
            var hasNext = links["next"] is not null;
            if (current is { } c && total is { } t && (c < t) != hasNext)
                errors.Add($"page {c} of {t} {(hasNext ? "has" : "lacks")} links.next");
            foreach (var (key, value) in links)
                if (value?.GetValueKind() != JsonValueKind.String || !Uri.IsWellFormedUriString(value.GetValue<string>(), UriKind.Absolute))
                    errors.Add($"links.{key} is not an absolute URL");
        }
        return errors;
    }

    private static void CheckObject(JsonObject item, string path, List<string> errors)
    {
        var type = item["type"]?.GetValue<string>();
        if (type is null || !type.StartsWith(TypePrefix)) { errors.Add($"{path}: no OParl 1.1 type"); return; }
        var name = type[TypePrefix.Length..];
        if (item["id"]?.GetValue<string>() is not { } id || !Uri.IsWellFormedUriString(id, UriKind.Absolute)) errors.Add($"{path}: id is not an absolute URL");
        foreach (var field in new[] { "created", "modified" })
            if (item[field]?.GetValueKind() != JsonValueKind.String || !DateTime().IsMatch(item[field]!.GetValue<string>()))
                errors.Add($"{path} ({name}): {field} missing or not yyyy-mm-ddThh:mm:ss±hh:mm");
        if (item["created"] is JsonValue created && item["modified"] is JsonValue modified
            && DateTimeOffset.TryParse(created.GetValue<string>(), out var c) && DateTimeOffset.TryParse(modified.GetValue<string>(), out var m) && c > m)
            errors.Add($"{path} ({name}): created after modified");
        NoNulls(item, path, errors);
        if (item["deleted"]?.GetValue<bool>() == true)
        {
            if (item.Any(p => p.Key is not ("id" or "type" or "created" or "modified" or "deleted")))
                errors.Add($"{path} ({name}): a deleted object keeps only id, type, created, modified, deleted");
            return;
        }
        if (Properties.Value.TryGetValue(name, out var known))
            foreach (var (key, _) in item)
                if (!known.Contains(key) && !key.StartsWith(VendorPrefix)) errors.Add($"{path} ({name}): '{key}' is neither OParl nor prefixed '{VendorPrefix}'");
        if (name == "Body")
            foreach (var list in BodyLists)
                if (item[list]?.GetValueKind() != JsonValueKind.String) errors.Add($"{path} (Body): mandatory list link '{list}' missing");
        if (name == "AgendaItem" && item["order"]?.GetValueKind() != JsonValueKind.Number) errors.Add($"{path} (AgendaItem): order missing");
        if (name == "Location" && item["geojson"] is JsonObject geo && geo["type"]?.GetValue<string>() != "Feature")
            errors.Add($"{path} (Location): geojson is not a GeoJSON Feature");
        foreach (var (key, value) in item)
            switch (value)
            {
                case JsonObject embedded when embedded["type"] is not null && !key.StartsWith(VendorPrefix):
                    CheckObject(embedded, $"{path}.{key}", errors);
                    break;
                case JsonArray array:
                    foreach (var (element, i) in array.Select((e, i) => (e, i)))
                        if (element is JsonObject embeddedItem && embeddedItem["type"] is not null) CheckObject(embeddedItem, $"{path}.{key}[{i}]", errors);
                    break;
            }
    }

    private static void NoNulls(JsonNode? node, string path, List<string> errors)
    {
        switch (node)
        {
            case null:
                errors.Add($"{path} is null");
                break;
            case JsonObject obj:
                foreach (var (key, value) in obj) NoNulls(value, $"{path}.{key}", errors);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) NoNulls(array[i], $"{path}[{i}]", errors);
                break;
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")]
    private static partial Regex DateTime();
}
