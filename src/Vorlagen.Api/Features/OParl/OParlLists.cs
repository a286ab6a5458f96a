using System.Text.Json.Nodes;
using Dapper;
using Vorlagen.Api.Data;

namespace Vorlagen.Api.Features.OParl;

/// <summary>
/// Reads one page of an external list and writes it as OParl wants it (<c>data</c>, <c>pagination</c>, <c>links</c>).
/// Pages are keyset pages in id order (stable while objects come and go); the SQL of a list is a row query
/// wrapped as <c>x</c> with <c>Id</c>, <c>Created</c>, <c>Modified</c> columns, see <see cref="OParlSql"/>.
/// With <c>modified_since</c>, a list with tombstones (<see cref="OParlTombstones"/>) merges its deleted objects in id order.
/// </summary>
public static class OParlLists
{
    /// <param name="Items">the page's live objects.</param>
    /// <param name="Entries">with tombstones: the page in order, a deleted object or the index of a live one in <paramref name="Items"/>.</param>
    public sealed record Rows<T>(IReadOnlyList<T> Items, int Total, int Before, bool HasNext, IReadOnlyList<(long Id, int Live, JsonObject? Deleted)>? Entries = null);

    /// <param name="args">the list's own parameters (e.g. BodyId); the filter's are added.</param>
    /// <summary>One object's row by id (null when it is not public or does not exist).</summary>
    public static async Task<T?> ByIdAsync<T>(DbSession db, string sql, long id, CancellationToken cancellationToken)
    {
        var connection = await db.ConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<T>(new CommandDefinition(sql, new { Id = id }, db.Transaction, cancellationToken: cancellationToken));
    }

    /// <summary>The rows of a contiguous id range of papers (embedded consultations, files), by paper id.</summary>
    public static async Task<ILookup<long, T>> OfPapersAsync<T>(DbSession db, string sql, long firstId, long lastId, Func<T, long> paperId,
        CancellationToken cancellationToken)
    {
        var connection = await db.ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<T>(new CommandDefinition(sql, new { FirstId = firstId, LastId = lastId }, db.Transaction,
            cancellationToken: cancellationToken));
        return rows.ToLookup(paperId);
    }

    public static async Task<Rows<T>> ReadAsync<T>(DbSession db, string pageSql, string countSql, string beforeSql, object args,
        OParlListFilter filter, CancellationToken cancellationToken)
    {
        var (items, total, before) = await ReadRawAsync<T>(db, pageSql, countSql, beforeSql, args, filter, cancellationToken);
        var hasNext = items.Count > filter.Limit;
        return new Rows<T>(hasNext ? items[..filter.Limit] : items, total, before, hasNext);
    }

    /// <summary>A page of live objects and, with <c>modified_since</c>, the deleted ones of <paramref name="gone"/>, merged in id order.</summary>
    public static async Task<Rows<T>> ReadAsync<T>(DbSession db, string pageSql, string countSql, string beforeSql, object args,
        OParlListFilter filter, OParlTombstones.Gone gone, OParlUrls urls, Func<T, long> id, CancellationToken cancellationToken)
    {
        if (filter.ModifiedSince is null) return await ReadAsync<T>(db, pageSql, countSql, beforeSql, args, filter, cancellationToken);
        var live = await ReadRawAsync<T>(db, pageSql, countSql, beforeSql, args, filter, cancellationToken);
        var goneArgs = new DynamicParameters(args);
        goneArgs.Add("TombstoneType", gone.Type);
        var dead = await ReadRawAsync<OParlTombstones.Row>(db, gone.PageSql, gone.CountSql, gone.BeforeSql, goneArgs, filter, cancellationToken);
        var merged = live.Items.Select((item, i) => (Id: id(item), Live: i, Deleted: (JsonObject?)null))
            .Concat(dead.Items.Select(t => (t.Id, Live: -1, Deleted: (JsonObject?)OParlTombstones.ToJson(urls, gone.Type, t))))
            .OrderBy(e => e.Id).ToList();
        var hasNext = merged.Count > filter.Limit;
        var page = hasNext ? merged[..filter.Limit] : merged;
        var items = new List<T>();
        var entries = new List<(long Id, int Live, JsonObject? Deleted)>();
        foreach (var entry in page)
        {
            if (entry.Deleted is null) items.Add(live.Items[entry.Live]);
            entries.Add((entry.Id, entry.Deleted is null ? items.Count - 1 : -1, entry.Deleted));
        }
        return new Rows<T>(items, live.Total + dead.Total, live.Before + dead.Before, hasNext, entries);
    }

    private static async Task<(List<T> Items, int Total, int Before)> ReadRawAsync<T>(DbSession db, string pageSql, string countSql, string beforeSql,
        object args, OParlListFilter filter, CancellationToken cancellationToken)
    {
        var connection = await db.ConnectionAsync(cancellationToken);
        var parameters = new DynamicParameters(args);
        parameters.AddDynamicParams(filter.Args);
        var items = (await connection.QueryAsync<T>(new CommandDefinition(db.Dialect.Render(pageSql), parameters, db.Transaction,
            cancellationToken: cancellationToken))).ToList();
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(countSql, parameters, db.Transaction, cancellationToken: cancellationToken));
        var before = filter.After == 0 ? 0
            : await connection.ExecuteScalarAsync<int>(new CommandDefinition(beforeSql, parameters, db.Transaction, cancellationToken: cancellationToken));
        return (items, total, before);
    }

    /// <summary>A page; <paramref name="lastId"/> is the id of its last object (the next page starts after it).</summary>
    public static JsonObject Page(string listUrl, OParlListFilter filter, IEnumerable<JsonObject> data, int total, int before, bool hasNext, long lastId)
    {
        var links = new JsonObject
        {
            ["first"] = filter.Url(listUrl, 0),
            ["self"] = filter.Url(listUrl, filter.After),
        };
        if (hasNext) links["next"] = filter.Url(listUrl, lastId);
        return new JsonObject
        {
            ["data"] = new JsonArray([.. data]),
            ["pagination"] = new JsonObject
            {
                ["totalElements"] = total,
                ["elementsPerPage"] = filter.Limit,
                ["currentPage"] = before / filter.Limit + 1,
                ["totalPages"] = Math.Max(1, (total + filter.Limit - 1) / filter.Limit),
            },
            ["links"] = links,
        };
    }

    public static JsonObject Page<T>(string listUrl, OParlListFilter filter, Rows<T> rows, Func<T, JsonObject> toJson, Func<T, long> id) =>
        rows.Entries is { } entries
            ? Page(listUrl, filter, entries.Select(e => e.Deleted ?? toJson(rows.Items[e.Live])), rows.Total, rows.Before, rows.HasNext,
                entries.Count == 0 ? 0 : entries[^1].Id)
            : Page(listUrl, filter, rows.Items.Select(toJson), rows.Total, rows.Before, rows.HasNext, rows.Items.Count == 0 ? 0 : id(rows.Items[^1]));

    /// <summary>A list that has no public objects (yet): valid, empty, with the same links.</summary>
    public static JsonObject Empty(string listUrl, OParlListFilter filter) => Page(listUrl, filter, [], 0, 0, false, 0);
}
