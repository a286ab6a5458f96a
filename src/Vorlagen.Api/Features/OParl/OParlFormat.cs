using System.Globalization;
using System.Text.Json.Nodes;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;

namespace Vorlagen.Api.Features.OParl;

/// <summary>Values as OParl 1.1 writes them: type URLs, <c>yyyy-mm-ddThh:mm:ss±hh:mm</c> instants (Berlin time), dates.</summary>
public static class OParlFormat
{
    public const string Version = "https://schema.oparl.org/1.1/";

    /// <summary>Prefix of our vendor-specific properties (OParl "herstellerspezifische Erweiterungen").</summary>
    public const string Extension = "vorlagen:";

    public static string Type(string name) => Version + name;

    /// <summary>A stored instant (ISO 8601 UTC text) as an OParl date-time; seconds precision.</summary>
    public static string Instant(string stored) =>
        BerlinTime.ToBerlin(Instants.Parse(stored)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>A stored date (<c>yyyy-MM-dd</c>, SQL Server may add a time part).</summary>
    public static string? Date(string? stored) => stored is null ? null : stored[..10];

    /// <summary>The common head of every object: id, type, created, modified (mandatory, also when embedded).</summary>
    public static JsonObject Head(string id, string type, string created, string modified) => new()
    {
        ["id"] = id,
        ["type"] = Type(type),
        ["created"] = Instant(created),
        ["modified"] = Instant(modified),
    };

    /// <summary>Adds a property only when it has a value: OParl forbids <c>null</c> for absent optional fields.</summary>
    public static JsonObject Put(this JsonObject target, string name, JsonNode? value)
    {
        if (value is not null) target[name] = value;
        return target;
    }
}
