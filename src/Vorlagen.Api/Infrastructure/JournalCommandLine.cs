using System.Text.Json;
using Vorlagen.Api.Data;
using Vorlagen.Api.Features.Papers;
using Vorlagen.Workflows.Journal;
using Vorlagen.Workflows.Persistence;

namespace Vorlagen.Api.Infrastructure;

/// <summary>
/// <c>dotnet Vorlagen.Api.dll verify-all [--json]</c> verifies every journal and exits 1 on findings;
/// <c>checkpoint</c> writes a checkpoint now. Both use the app's configuration (database, key,
/// checkpoint file) but start no server and change no schema; exit code 2 means the check could not run.
/// </summary>
public static class JournalCommandLine
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "verify-all" or "checkpoint";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(cancellationToken);
            if (args[0] == "checkpoint")
            {
                var outcome = await scope.ServiceProvider.GetRequiredService<JournalCheckpointer>()
                    .WriteAsync(scope.ServiceProvider.GetRequiredService<IWorkflowStore>(), always: true, cancellationToken);
                await output.WriteLineAsync($"Sicherungspunkt {outcome.Line}: {outcome.Heads} geänderte Journale festgehalten, {outcome.Refused.Count} abgelehnt.");
                foreach (var refused in outcome.Refused)
                    await output.WriteLineAsync($"  abgelehnt {refused.InstanceId}: {PaperJournalAudit.Translate(refused).Message}");
                return outcome.Refused.Count == 0 ? 0 : 1;
            }
            var result = await scope.ServiceProvider.GetRequiredService<VerifyAllJournals.JournalVerificationService>()
                .RunAsync(bodyId: null, includeGeneral: true, cancellationToken);
            if (args.Contains("--json"))
                await output.WriteLineAsync(JsonSerializer.Serialize(result, JsonSerializerOptions.Web));
            else
                await WriteTextAsync(result, output);
            return result.Valid ? 0 : 1;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.Data.Common.DbException)
        {
            await Console.Error.WriteLineAsync($"Journalprüfung nicht möglich: {e.Message}");
            return 2;
        }
    }

    private static async Task WriteTextAsync(VerifyAllJournals.Result result, TextWriter output)
    {
        foreach (var paper in result.Items)
        {
            await output.WriteLineAsync($"{(paper.Valid ? "OK    " : "FEHLER")} Vorlage {paper.PaperId} ({paper.Reference}): {paper.Records} Einträge");
            foreach (var finding in paper.Findings)
                await output.WriteLineAsync($"       [{finding.Code}{(finding.Field is null ? "" : " " + finding.Field)}] {finding.Message}");
        }
        foreach (var finding in result.GeneralFindings)
            await output.WriteLineAsync($"FEHLER [{finding.Code}] {finding.Message}");
        var checkpoint = result.Checkpoint.Exists ? $"letzter Sicherungspunkt Nr. {result.Checkpoint.Line} vom {result.Checkpoint.At:O}" : "noch kein Sicherungspunkt";
        await output.WriteLineAsync($"{result.Papers} Vorlagen geprüft, {result.InvalidPapers} mit Befund, {result.GeneralFindings.Count} weitere Befunde; {checkpoint}.");
    }
}
