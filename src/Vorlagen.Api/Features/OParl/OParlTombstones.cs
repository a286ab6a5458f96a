using System.Text.Json.Nodes;
using Dapper;
using MediatR;
using Vorlagen.Api.Data;

namespace Vorlagen.Api.Features.OParl;

/// <summary>
/// Deleted objects (OParl "gelöschte Objekte"): what left public view appears in its list, with <c>modified_since</c> only, as
/// <c>{id, type, created, modified, deleted: true}</c> (<c>modified</c> = the moment it left), and its URL answers 410 with
/// that object. Written by the slices that remove the visibility, through <see cref="PublicTombstones"/>.
/// </summary>
public static class OParlTombstones
{
    public sealed record Get(OParlUrls Urls, string Type, long Id) : IRequest<JsonObject?>;

    public sealed record Row
    {
        public long Id { get; init; }
        public string Created { get; init; } = "";
        public string Modified { get; init; } = "";
    }

    /// <summary>The types that can leave public view today: URL segment → OParl type name.</summary>
    public static readonly IReadOnlyDictionary<string, string> TypeNames = new Dictionary<string, string>
    {
        [PublicTombstones.Person] = "Person", [PublicTombstones.Membership] = "Membership", [PublicTombstones.AgendaItem] = "AgendaItem",
    };

    public static JsonObject ToJson(OParlUrls urls, string type, Row t)
    {
        var json = OParlFormat.Head(urls.Object(type, t.Id), TypeNames[type], t.Created, t.Modified);
        json["deleted"] = true;
        return json;
    }

    /// <summary>The tombstone queries of one list (built on <see cref="OParlSql.TombstoneRows"/>, without the objects public again).</summary>
    public sealed record Gone(string Type, string PageSql, string CountSql, string BeforeSql);

    public sealed class GetHandler(DbSession db) : IRequestHandler<Get, JsonObject?>
    {
        public async Task<JsonObject?> Handle(Get query, CancellationToken cancellationToken)
        {
            if (!TypeNames.ContainsKey(query.Type)) return null;
            var connection = await db.ConnectionAsync(cancellationToken);
            var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(OParlSql.TombstoneByIdSql,
                new { TombstoneType = query.Type, query.Id }, db.Transaction, cancellationToken: cancellationToken));
            return row is null ? null : ToJson(query.Urls, query.Type, row);
        }
    }
}
