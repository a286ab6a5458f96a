using System.Globalization;
using System.Text.Json;

namespace Vorlagen.Domain.Rules;

/// <summary>Reads primitive profile fields and reports problems with the source name and JSON path.</summary>
internal sealed class JsonFields(string source)
{
    public RuleProfileException Fail(string path, string problem) => new(source, path, problem);

    public JsonElement Object(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Object ? element : throw Fail(path, $"must be an object, got {Kind(element)}");

    public JsonElement Array(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Array ? element : throw Fail(path, $"must be an array, got {Kind(element)}");

    /// <summary>Rejects unknown properties, so a typo such as "citaton" fails instead of being ignored.</summary>
    public void OnlyKnown(JsonElement obj, string path, IReadOnlyCollection<string> known)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                throw Fail(Child(path, property.Name), $"unknown property '{property.Name}' (allowed: {string.Join(", ", known)})");
            }
        }
    }

    public JsonElement Required(JsonElement obj, string path, string name) =>
        obj.TryGetProperty(name, out var value) ? value : throw Fail(Child(path, name), $"missing property '{name}'");

    public string String(JsonElement obj, string path, string name)
    {
        var value = Required(obj, path, name);
        return value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : throw Fail(Child(path, name), $"'{name}' must be a non-empty string, got {Kind(value)}");
    }

    public string? OptionalString(JsonElement obj, string path, string name) =>
        obj.TryGetProperty(name, out _) ? String(obj, path, name) : null;

    public bool Boolean(JsonElement obj, string path, string name)
    {
        var value = Required(obj, path, name);
        return value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : throw Fail(Child(path, name), $"'{name}' must be true or false, got {Kind(value)}");
    }

    public int PositiveInt(JsonElement obj, string path, string name)
    {
        var value = Required(obj, path, name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number > 0
            ? number
            : throw Fail(Child(path, name), $"'{name}' must be a whole number greater than 0, got {Kind(value)}");
    }

    public DateOnly Date(JsonElement obj, string path, string name)
    {
        var text = String(obj, path, name);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Fail(Child(path, name), $"'{name}' must be a date in the form yyyy-MM-dd, got '{text}'");
    }

    public Fraction Fraction(JsonElement obj, string path, string name)
    {
        var text = String(obj, path, name);
        return Rules.Fraction.TryParse(text, out var fraction)
            ? fraction
            : throw Fail(Child(path, name), $"'{name}' must be a fraction 'n/d' with 0 < n <= d, got '{text}'");
    }

    public Comparison Comparison(JsonElement obj, string path, string name) => String(obj, path, name) switch
    {
        "atLeast" => Rules.Comparison.AtLeast,
        "moreThan" => Rules.Comparison.MoreThan,
        var other => throw Fail(Child(path, name), $"'{name}' must be 'atLeast' or 'moreThan', got '{other}'"),
    };

    public RulePeriod Period(JsonElement obj, string path, string name)
    {
        var text = String(obj, path, name);
        return RulePeriod.TryParse(text, out var period)
            ? period!
            : throw Fail(Child(path, name), $"'{name}' must be an ISO 8601 period such as 'P14D', 'P2W' or 'P1M', got '{text}'");
    }

    public static string Child(string path, string name) => $"{path}.{name}";

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"'{value.GetString()}'",
        JsonValueKind.Number => value.GetRawText(),
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };
}
