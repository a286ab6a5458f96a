using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vorlagen.Workflows.Json;

/// <summary>
/// The one canonical JSON text used for content hashes, bookmark hashes and journal hashes:
/// UTF-8, no whitespace, object properties sorted by ordinal (UTF-16 code unit) order, strings
/// escaped as <see cref="Utf8JsonWriter"/> does with <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>,
/// integral numbers as plain integers and all other numbers as the shortest round-trippable double.
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static string Serialize(JsonNode? node) => Write(writer => Write(writer, node));

    public static string Serialize(JsonElement element) => Write(writer => Write(writer, element));

    /// <summary>Runs <paramref name="write"/> on a writer with the canonical options and returns the text.</summary>
    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new PooledByteBufferWriter();
        WriteTo(buffer, write);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>SHA-256 (lower-case hex) of the UTF-8 of <paramref name="prefix"/> followed by the canonical text.</summary>
    public static string Sha256Hex(string prefix, Action<Utf8JsonWriter> write)
    {
        using var buffer = new PooledByteBufferWriter();
        Encoding.UTF8.GetBytes(prefix, buffer);
        WriteTo(buffer, write);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(buffer.WrittenSpan));
    }

    private static void WriteTo(IBufferWriter<byte> buffer, Action<Utf8JsonWriter> write)
    {
        using var writer = new Utf8JsonWriter(buffer, WriterOptions);
        write(writer);
    }

    /// <summary>Parses <paramref name="json"/> and returns its canonical text.</summary>
    public static string Normalize(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Serialize(document.RootElement);
    }

    /// <summary>Walks nodes directly; only leaf values go through <see cref="JsonElement"/> (same rules, less copying).</summary>
    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var property in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Key);
                    Write(writer, property.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }
                writer.WriteEndArray();
                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                writer.WriteStringValue(text);
                break;
            case JsonValue value when value.TryGetValue<JsonElement>(out var element):
                Write(writer, element);
                break;
            default:
                Write(writer, JsonSerializer.SerializeToElement(node));
                break;
        }
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item);
                }
                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            case JsonValueKind.Number when element.TryGetInt64(out var integer):
                writer.WriteNumberValue(integer);
                break;
            case JsonValueKind.Number:
                writer.WriteNumberValue(element.GetDouble());
                break;
            case JsonValueKind.True:
                writer.WriteBooleanValue(true);
                break;
            case JsonValueKind.False:
                writer.WriteBooleanValue(false);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
