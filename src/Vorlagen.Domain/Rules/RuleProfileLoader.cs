using System.Text.Json;

namespace Vorlagen.Domain.Rules;

/// <summary>Parses and validates a rule profile (workflows/rules/*.json). Pure: the caller reads the file.</summary>
public static class RuleProfileLoader
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Returns the profile, or throws <see cref="RuleProfileException"/> naming <paramref name="sourceName"/>, the JSON path and the problem.</summary>
    public static RuleProfile Parse(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw new RuleProfileException(sourceName, "$", $"not valid JSON: {e.Message}");
        }

        using (document)
        {
            return new ProfileReader(new JsonFields(sourceName)).Read(document.RootElement);
        }
    }
}
