using Dapper;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Features.Organizations;
using Vorlagen.Api.Infrastructure;

namespace Vorlagen.Api.Features.Bodies;

/// <summary>A body with its Gremien and Beratungsfolge templates: everything a client needs to draft a Vorlage.</summary>
public static class GetBody
{
    public sealed record Query(long Id) : IRequest<BodyDto>;

    public const string ByIdSql = BodyDto.SelectColumnsSql + " WHERE b.id = @Id";
    public const string OrganizationsSql = OrganizationDto.SelectColumnsSql + " WHERE o.body_id = @Id ORDER BY o.name, o.id";
    public const string TemplatesSql =
        "SELECT t.paper_type AS PaperType, t.position AS Position, t.organization_id AS OrganizationId, o.name AS OrganizationName, " +
        "t.role AS Role, t.is_public AS \"Public\" FROM consultation_templates t JOIN organizations o ON o.id = t.organization_id " +
        "WHERE t.body_id = @Id ORDER BY t.paper_type, t.position";

    public sealed class Handler(DbSession db) : IRequestHandler<Query, BodyDto>
    {
        public async Task<BodyDto> Handle(Query query, CancellationToken cancellationToken)
        {
            var connection = await db.ConnectionAsync(cancellationToken);
            var body = await connection.QuerySingleOrDefaultAsync<BodyDto>(new CommandDefinition(ByIdSql, query, db.Transaction, cancellationToken: cancellationToken))
                       ?? throw new NotFoundException("Körperschaft", query.Id);
            var organizations = await connection.QueryAsync<OrganizationDto>(new CommandDefinition(OrganizationsSql, query, db.Transaction, cancellationToken: cancellationToken));
            var templates = await connection.QueryAsync<ConsultationTemplateDto>(new CommandDefinition(TemplatesSql, query, db.Transaction, cancellationToken: cancellationToken));
            return body with
            {
                Organizations = organizations.ToList(), ConsultationTemplates = templates.ToList(), Finance = FinanceBlock.Parse(body.FinanceFieldsJson, body.Name),
            };
        }
    }
}
