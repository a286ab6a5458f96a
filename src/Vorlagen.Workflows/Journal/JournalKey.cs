using System.Security.Cryptography;
using System.Text;
using Vorlagen.Workflows.Json;

namespace Vorlagen.Workflows.Journal;

/// <summary>
/// The secret that anchors journals outside the database: an HMAC-SHA256 key (at least 32 bytes) the
/// host loads from configuration and never stores in the database. It seals each instance's journal
/// head (<see cref="HeadMac"/>) and each checkpoint line, so whoever can write the database but does not
/// hold the key cannot rewrite a chain (recomputing plain SHA-256 is public) or move a head unnoticed.
/// </summary>
public sealed class JournalKey
{
    public const int MinimumBytes = 32;
    private readonly byte[] key;

    public JournalKey(byte[] key)
    {
        if (key.Length < MinimumBytes)
            throw new ArgumentException($"The journal key must have at least {MinimumBytes} bytes (it has {key.Length}).", nameof(key));
        this.key = [.. key];
    }

    /// <summary>
    /// <c>hex HMAC-SHA256(key, canonical JSON ["journal-head/v1", instanceId, correlationId, sequence, hash])</c>:
    /// binds the head to its instance and correlation (the paper), so a head cannot be moved to another one.
    /// </summary>
    public string HeadMac(string instanceId, string? correlationId, long sequence, string? hash) =>
        Mac(CanonicalJson.Write(writer =>
        {
            writer.WriteStartArray();
            writer.WriteStringValue("journal-head/v1");
            writer.WriteStringValue(instanceId);
            writer.WriteStringValue(correlationId);
            writer.WriteNumberValue(sequence);
            writer.WriteStringValue(hash);
            writer.WriteEndArray();
        }));

    public string Mac(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)));

    /// <summary>Constant-time comparison of two hex MACs (null never matches).</summary>
    public static bool Same(string? expected, string? actual) =>
        expected is not null && actual is not null && expected.Length == actual.Length
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual));
}
