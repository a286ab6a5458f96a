using System.Text.Json.Nodes;
using Dapper;
using MediatR;
using Vorlagen.Api.Data;

namespace Vorlagen.Api.Features.OParl;

/// <summary>The entry point <c>/oparl/v1.1/system</c>. It exists since the database was set up; its content is fixed.</summary>
public static class OParlSystem
{
    public sealed record Get(OParlUrls Urls) : IRequest<(JsonObject Json, string Modified)>;

    public const string InstalledSql = "SELECT MIN(applied_at) FROM schema_version";

    public sealed class Handler(DbSession db) : IRequestHandler<Get, (JsonObject Json, string Modified)>
    {
        public async Task<(JsonObject Json, string Modified)> Handle(Get query, CancellationToken cancellationToken)
        {
            var connection = await db.ConnectionAsync(cancellationToken);
            var installed = await connection.ExecuteScalarAsync<string>(new CommandDefinition(InstalledSql, transaction: db.Transaction,
                cancellationToken: cancellationToken)) ?? throw new InvalidOperationException("The database has no applied migrations.");
            var urls = query.Urls;
            var json = OParlFormat.Head(urls.System, "System", installed, installed);
            json["oparlVersion"] = OParlFormat.Version;
            json["body"] = urls.Bodies;
            json["name"] = "Vorlagen – Kreistagsinformationssystem";
            json["website"] = urls.Web("/");
            json["web"] = urls.Web("/vorlagen");
            return (json, installed);
        }
    }
}
