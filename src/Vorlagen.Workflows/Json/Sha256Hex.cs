using System.Security.Cryptography;
using System.Text;

namespace Vorlagen.Workflows.Json;

/// <summary>Lower-case hexadecimal SHA-256 of the UTF-8 bytes of a text.</summary>
public static class Sha256Hex
{
    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
