using Dapper;
using Vorlagen.Api.Data;
using Vorlagen.Api.Features.OParl;
using Vorlagen.Api.Tests.Support;

namespace Vorlagen.Api.Tests.Features.OParl;

/// <summary>Keyset pages read a body's objects in id order from an index: no page sorts the whole body (SQLite plans).</summary>
public sealed class OParlQueryPlanTests(VorlagenApp app) : IClassFixture<VorlagenApp>
{
    [Theory]
    [InlineData(nameof(OParlPapers))]
    [InlineData(nameof(OParlConsultations))]
    public void A_list_page_walks_an_index_in_page_order(string list)
    {
        app.CreateClient(); // starts the app: migrated database
        var sql = list == nameof(OParlPapers) ? OParlPapers.PageSql : OParlConsultations.PageSql;
        using var connection = app.OpenDatabase();
        List<string> plan = [.. connection.Query("EXPLAIN QUERY PLAN " + new SqliteDialect().Render(sql), new
        {
            BodyId = 1L, CreatedSince = (string?)null, CreatedBefore = (string?)null, ModifiedSince = (string?)null, ModifiedBefore = (string?)null,
            After = 0L, PageSize = 101, Offset = 0,
        }).Select(row => (string)((IDictionary<string, object>)row)["detail"])];
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE"));
        Assert.Contains(plan, step => step.Contains(list == nameof(OParlPapers) ? "ix_papers_body_id" : "INTEGER PRIMARY KEY"));
    }
}
