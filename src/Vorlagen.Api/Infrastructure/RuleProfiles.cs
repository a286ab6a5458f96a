using Vorlagen.Domain.Rules;

namespace Vorlagen.Api.Infrastructure;

/// <summary>
/// The state rule profiles from <c>workflows/rules/*.json</c>, parsed and validated once. An invalid
/// file stops start-up with the loader's message (file, JSON path, problem).
/// </summary>
public sealed class RuleProfiles
{
    private readonly Dictionary<string, RuleProfile> _byId;

    public RuleProfiles(ContentPaths paths)
    {
        _byId = Directory.GetFiles(paths.Rules, "*.json").Order()
            .Select(file => RuleProfileLoader.Parse(File.ReadAllText(file), Path.Combine("workflows", "rules", Path.GetFileName(file))))
            .ToDictionary(p => p.Id);
    }

    public IReadOnlyCollection<RuleProfile> All => _byId.Values;

    public RuleProfile Get(string id) => _byId.TryGetValue(id, out var profile)
        ? profile
        : throw new InvalidOperationException($"Rule profile '{id}' is configured for a body but missing from workflows/rules.");
}
