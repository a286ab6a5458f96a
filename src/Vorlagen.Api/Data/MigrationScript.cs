using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Vorlagen.Api.Data;

/// <summary>A numbered script <c>NNNN_name.sql</c> with the checksum recorded when it is applied.</summary>
public sealed partial record MigrationScript(int Number, string Name, string Sql, string Checksum)
{
    [GeneratedRegex(@"^(?<number>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex FileNamePattern();

    public static MigrationScript FromFile(string path)
    {
        var fileName = Path.GetFileName(path);
        var match = FileNamePattern().Match(fileName);
        if (!match.Success)
            throw new MigrationException(
                $"Migration script '{fileName}' does not follow the pattern NNNN_name.sql (four digits, lower-case name).");
        // Line endings are normalised so a checkout with CRLF does not look like an edited script.
        var sql = File.ReadAllText(path).Replace("\r\n", "\n");
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
        return new MigrationScript(int.Parse(match.Groups["number"].Value), fileName, sql, checksum);
    }

    /// <summary>All scripts of a folder in number order; a duplicated number is an error.</summary>
    public static IReadOnlyList<MigrationScript> LoadFolder(string folder)
    {
        if (!Directory.Exists(folder))
            throw new MigrationException($"Migration folder '{folder}' does not exist.");
        var scripts = Directory.GetFiles(folder, "*.sql").Select(FromFile).OrderBy(s => s.Number).ToList();
        var duplicate = scripts.GroupBy(s => s.Number).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new MigrationException(
                $"Migration number {duplicate.Key:0000} is used twice: {string.Join(", ", duplicate.Select(s => s.Name))}.");
        return scripts;
    }
}
