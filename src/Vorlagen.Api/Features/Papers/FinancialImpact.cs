using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using FluentValidation;
using FluentValidation.Results;
using Vorlagen.Api.Data;
using Vorlagen.Api.Features.Bodies;
using Vorlagen.Api.Infrastructure;

namespace Vorlagen.Api.Features.Papers;

/// <summary>
/// "Finanzielle Auswirkungen" of a paper: a JSON object whose names are the keys of its body's finance block
/// (<see cref="FinanceBlock"/>). The API takes amounts as JSON numbers (exact, at most two decimals); the German
/// spelling "250.000,50" is read by the drafting form only (<see cref="GermanAmounts"/>). Stored as JSON with the paper.
/// </summary>
public static class FinancialImpact
{
    public const string BlockSql = "SELECT finance_fields FROM bodies WHERE id = @BodyId";
    public const string BodyNameSql = "SELECT name FROM bodies WHERE id = @BodyId";
    public const decimal MaxAmount = 999_999_999_999.99m;

    public static async Task<FinanceBlock> BlockAsync(DbSession db, long bodyId, CancellationToken cancellationToken)
    {
        var connection = await db.ConnectionAsync(cancellationToken);
        var json = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(BlockSql, new { BodyId = bodyId }, db.Transaction, cancellationToken: cancellationToken));
        return FinanceBlock.Parse(json, bodyId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Checks the values against the block and returns them as stored (empty values left out); 400 listing every problem.</summary>
    public static string? Normalize(JsonObject? values, FinanceBlock block)
    {
        if (values is null) return null;
        var failures = new List<ValidationFailure>();
        var stored = new JsonObject();
        foreach (var (key, value) in values)
        {
            var path = $"financialImpact.{key}";
            if (block.Find(key) is not { } field)
            {
                failures.Add(new(path, $"Das Feld „{key}“ gibt es in den finanziellen Auswirkungen dieser Körperschaft nicht. " +
                    $"Möglich sind: {string.Join(", ", block.Fields.Select(f => $"{f.Key} ({f.Label})"))}."));
                continue;
            }
            if (value is null) continue;
            if (Check(field, value, out var problem) is { } normalized) stored[key] = normalized;
            else if (problem is not null) failures.Add(new(path, problem));
        }
        if (failures.Count > 0) throw new ValidationException(failures);
        return stored.Count == 0 ? null : stored.ToJsonString();
    }

    private static JsonNode? Check(FinanceField field, JsonNode value, out string? problem)
    {
        problem = null;
        var label = $"„{field.Label}“";
        var kind = value.GetValueKind();
        switch (field.Kind)
        {
            case FinanceField.Money:
                if (kind == JsonValueKind.String)
                {
                    problem = $"{label}: bitte den Betrag als Zahl senden (z. B. 250000.5); die deutsche Schreibweise „250.000,50“ liest nur das Formular.";
                    return null;
                }
                if (kind != JsonValueKind.Number || !value.AsValue().TryGetValue<decimal>(out var amount))
                {
                    problem = $"{label}: bitte einen Betrag in Euro als Zahl angeben.";
                    return null;
                }
                if (amount < 0) problem = $"{label} darf nicht negativ sein.";
                else if (amount > MaxAmount) problem = $"{label} ist zu groß (höchstens {GermanAmounts.Format(MaxAmount)} €).";
                else if (decimal.Round(amount, 2) != amount) problem = $"{label}: höchstens zwei Stellen nach dem Komma (Cent).";
                return problem is null ? JsonValue.Create(amount) : null;
            case FinanceField.Year:
                if (kind != JsonValueKind.Number || !value.AsValue().TryGetValue<int>(out var year) || year is < 1990 or > 2100)
                {
                    problem = $"{label} muss ein Jahr zwischen 1990 und 2100 sein.";
                    return null;
                }
                return JsonValue.Create(year);
            case FinanceField.YesNo:
                if (kind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    problem = $"{label}: bitte true oder false angeben.";
                    return null;
                }
                return value.GetValue<bool>() ? JsonValue.Create(true) : null;
            default:
                if (kind != JsonValueKind.String)
                {
                    problem = $"{label}: bitte einen Text angeben.";
                    return null;
                }
                var text = TextRules.Clean(value.GetValue<string>())!.Trim();
                var multiLine = field.Kind == FinanceField.LongText;
                var max = multiLine ? 5_000 : 500;
                if (text.Length > max) problem = $"{label} darf höchstens {(multiLine ? "5.000" : "500")} Zeichen lang sein; es sind {text.Length}.";
                else if (TextRules.Problem(text, multiLine) is { } bad) problem = $"{label} {bad}";
                return problem is null && text.Length > 0 ? JsonValue.Create(text) : null;
        }
    }

    /// <summary>The stored values as the API shows them; null when nothing was entered.</summary>
    public static JsonObject? Read(string? stored) =>
        string.IsNullOrWhiteSpace(stored) ? null : JsonNode.Parse(stored) as JsonObject;
}
