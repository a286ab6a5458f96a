using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;
using Vorlagen.Workflows.Errors;

namespace Vorlagen.Api.Infrastructure;

/// <summary>
/// Translates errors of the workflow runtime and the databases that a user's request can cause
/// into the API's own exceptions; everything else stays a 500.
/// </summary>
public static class InfrastructureErrors
{
    public static AppException? Translate(Exception exception) => exception switch
    {
        ActionNotAllowedException { Reason: ActionNotAllowedReason.RoleNotPermitted } e =>
            new ForbiddenException($"Ihre Rolle darf „{e.Action}“ nicht ausführen. Möglich ist: {Describe(e.AllowedActions)}."),
        ActionNotAllowedException e => new ConflictException("action_not_allowed",
            $"Die Aktion „{e.Action}“ ist jetzt nicht möglich. Möglich ist: {Describe(e.AllowedActions)}.", e.AllowedActions),
        WorkflowConflictException => Concurrent(),
        SqliteException { SqliteErrorCode: 5 or 6 } => Concurrent(),
        SqliteException { SqliteErrorCode: 19 } => Constraint(),
        SqlException { Number: 1205 } => Concurrent(),
        SqlException { Number: 2601 or 2627 or 547 } => Constraint(),
        // 40001 serialization failure, 40P01 deadlock, 55P03 lock not available; class 23: integrity constraint violations.
        PostgresException { SqlState: "40001" or "40P01" or "55P03" } => Concurrent(),
        PostgresException { SqlState: var state } when state.StartsWith("23", StringComparison.Ordinal) => Constraint(),
        _ => null,
    };

    private static ConflictException Concurrent() => new("concurrent_change",
        "Die Vorlage wurde gerade gleichzeitig von jemand anderem geändert. Bitte laden Sie sie neu und prüfen Sie, ob Ihre Eingabe noch nötig ist.");

    private static ConflictException Constraint() => new("conflict",
        "Die Änderung passt nicht zum aktuellen Datenstand (z. B. eine bereits vergebene Nummer). Bitte laden Sie neu und versuchen Sie es erneut.");

    private static string Describe(IReadOnlyList<string> actions) => actions.Count == 0 ? "nichts" : string.Join(", ", actions);
}
