using Dapper;
using MediatR;
using Vorlagen.Api.Data;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.PaperTypes;

namespace Vorlagen.Api.Features.PaperTypes;

/// <summary>
/// The paper types one can draft (<c>workflows/types</c>) with their German words: fields (and which action sets them),
/// Beratungsfolge rule, actions and statuses. With <c>bodyId</c> the body must exist (404 otherwise).
/// </summary>
public static class ListPaperTypes
{
    public sealed record Query(long? BodyId) : IRequest<TypeList>;

    public sealed record TypeList(IReadOnlyList<PaperTypeDto> Items);

    public sealed record PaperTypeDto(string Code, string Label, IReadOnlyList<FieldDto> Fields, bool HasBeratungsfolge, string Beratungsfolge,
        string PrintLayout, IReadOnlyDictionary<string, string> Actions, IReadOnlyDictionary<string, string> Statuses, IReadOnlyList<string> Deadlines);

    /// <param name="SetBy">the action that sets the field (null: drafted with the paper); <paramref name="Core"/>: sent at the top level of a paper.</param>
    public sealed record FieldDto(string Name, string Label, string Kind, bool Required, bool Core, string? SetBy,
        IReadOnlyDictionary<string, string>? Options, string? Hint);

    public const string BodyExistsSql = "SELECT COUNT(*) FROM bodies WHERE id = @Id";

    public sealed class Handler(DbSession db, Infrastructure.PaperTypes.PaperTypeCatalog types) : IRequestHandler<Query, TypeList>
    {
        public async Task<TypeList> Handle(Query query, CancellationToken cancellationToken)
        {
            if (query.BodyId is { } bodyId && await (await db.ConnectionAsync(cancellationToken)).ExecuteScalarAsync<int>(
                    new CommandDefinition(BodyExistsSql, new { Id = bodyId }, db.Transaction, cancellationToken: cancellationToken)) == 0)
                throw new NotFoundException("Körperschaft", bodyId);
            return new TypeList([.. types.All.Select(Dto)]);
        }

        private static PaperTypeDto Dto(PaperTypeDescriptor t) => new(t.Code, t.Label,
            [.. t.Fields.Select(f => new FieldDto(f.Name, f.Label, f.Kind, f.Required, f.IsCore,
                t.Actions.FirstOrDefault(a => (a.Value.Fields ?? []).Contains(f.Name)).Key, f.Options, f.Hint))],
            t.Beratungsfolge != BeratungsfolgeRules.None, t.Beratungsfolge, t.PrintLayout,
            t.Actions.ToDictionary(a => a.Key, a => a.Value.Button), t.Statuses.ToDictionary(s => s.Key, s => s.Value.Label),
            [.. t.AllDeadlines.Select(d => d.Code)]);
    }
}
