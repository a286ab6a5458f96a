using Vorlagen.Domain.Organizations;

namespace Vorlagen.Domain.Rules;

/// <summary>
/// The Landrat's seat by law (kraft Amtes): in which organization kinds it is a voting seat that counts
/// against the statutory size (the seat counts of the Gremien include the voting chair).
/// </summary>
public sealed record LandratSeatRule(DateOnly ValidFrom, string Citation, string? Note, IReadOnlyList<string> CountedIn)
    : VersionedRule(ValidFrom, Citation, Note)
{
    public bool CountsIn(string organizationKind) => CountedIn.Contains(organizationKind);

    internal static IReadOnlyList<string> ReadKinds(JsonFields fields, System.Text.Json.JsonElement obj, string path)
    {
        var kinds = new List<string>();
        var arrayPath = JsonFields.Child(path, "countedIn");
        foreach (var item in fields.Array(fields.Required(obj, path, "countedIn"), arrayPath).EnumerateArray())
        {
            var code = item.ValueKind == System.Text.Json.JsonValueKind.String ? item.GetString() : null;
            if (OrganizationKinds.Find(code) is null)
                throw fields.Fail($"{arrayPath}[{kinds.Count}]", $"unknown organization kind '{code}' (known: {string.Join(", ", OrganizationKinds.All.Select(k => k.Code))})");
            kinds.Add(code!);
        }
        return kinds;
    }
}
