namespace Vorlagen.Domain.Rules;

/// <summary>A rule profile file is malformed; the message names the source, the JSON path and the problem.</summary>
public sealed class RuleProfileException(string sourceName, string jsonPath, string problem)
    : Exception($"Rule profile '{sourceName}', {jsonPath}: {problem}")
{
    public string SourceName { get; } = sourceName;
    public string JsonPath { get; } = jsonPath;
    public string Problem { get; } = problem;
}
