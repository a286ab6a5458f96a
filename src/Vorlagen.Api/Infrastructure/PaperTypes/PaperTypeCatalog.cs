using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Vorlagen.Api.Activities;
using Vorlagen.Domain.Rules;
using Vorlagen.Workflows.Activities;
using Vorlagen.Workflows.Activities.BuiltIn;
using Vorlagen.Workflows.Definitions;

namespace Vorlagen.Api.Infrastructure.PaperTypes;

/// <summary>
/// The paper types of <c>workflows/types/*.json</c>, read and checked once against the workflow definitions they name:
/// every action a definition offers has German words, every status it sets has a label, every field an action sets
/// exists. An invalid file stops start-up with a message naming the file, the place and the problem.
/// </summary>
public sealed class PaperTypeCatalog
{
    /// <summary>The action of recording a consultation result (offered by the Beratungsfolge, not by a WaitForAction).</summary>
    public const string RecordResultAction = "record_result";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private readonly List<PaperTypeDescriptor> _types = [];

    public PaperTypeCatalog(ContentPaths paths, ActivityRegistry activities)
    {
        var folder = Path.Combine(paths.Workflows, "types");
        // An invalid definition is reported as such (file, path, problem), before any type that names it.
        var definitions = new WorkflowDefinitionLoader(activities).LoadFolder(paths.Workflows).EnsureValid().Definitions.ToDictionary(d => d.DefinitionId);
        var errors = new List<string>();
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                var name = Path.Combine("workflows", "types", Path.GetFileName(file));
                PaperTypeDescriptor? type;
                try
                {
                    type = JsonSerializer.Deserialize<PaperTypeDescriptor>(File.ReadAllText(file), Options);
                }
                catch (JsonException e)
                {
                    errors.Add($"{name} ({e.Path}): {e.Message}");
                    continue;
                }
                if (type is null) { errors.Add($"{name}: empty file."); continue; }
                var problems = Check(type, definitions).ToList();
                if (_types.FirstOrDefault(t => t.Code == type.Code || Names(t).Intersect(Names(type)).Any()) is { } clash)
                    problems.Add($"$.code: '{type.Code}' (or an alias) is also used by type '{clash.Code}'.");
                errors.AddRange(problems.Select(p => $"{name} {p}"));
                if (problems.Count == 0) _types.Add(type);
            }
        }
        foreach (var type in _types)
            foreach (var (code, action) in type.Actions.Where(a => a.Value.Related is not null))
                if (!_types.Any(t => t.Actions.ContainsKey(action.Related!.Action)))
                    errors.Add($"workflows/types/{type.Code}.json: $.actions.{code}.related.action: no paper type offers action '{action.Related!.Action}'.");
        if (errors.Count == 0 && _types.Count(t => t.IsDefault) != 1)
            errors.Add($"workflows/types: exactly one type must have \"isDefault\": true (the type of a paper whose request names none); found {_types.Count(t => t.IsDefault)}.");
        if (errors.Count > 0)
            throw new InvalidOperationException("Invalid paper type descriptors:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        ActionsByDefinition = definitions.Values.ToDictionary(d => d.DefinitionId, d => (IReadOnlyList<string>)[.. OfferedActions(d)]);
    }

    public IReadOnlyList<PaperTypeDescriptor> All => _types;

    /// <summary>Actions each workflow definition can offer (its WaitForActions, the Beratungsfolge's withdraw and result).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ActionsByDefinition { get; }

    /// <summary>Every action code any type knows.</summary>
    public IEnumerable<string> AllActions => _types.SelectMany(t => t.Actions.Keys).Distinct().Order(StringComparer.Ordinal);

    /// <summary>Every status code any type knows.</summary>
    public IEnumerable<string> AllStatuses => _types.SelectMany(t => t.Statuses.Keys).Distinct();

    /// <summary>The type by code or alias (the old value <c>Beschlussvorlage</c> keeps working); null if unknown.</summary>
    public PaperTypeDescriptor? Find(string? codeOrAlias) =>
        codeOrAlias is null ? null : _types.FirstOrDefault(t => Names(t).Contains(codeOrAlias, StringComparer.Ordinal));

    /// <summary>The type of a stored paper (stored by code; older rows by the alias).</summary>
    public PaperTypeDescriptor Get(string stored) =>
        Find(stored) ?? throw new InvalidOperationException($"Paper type '{stored}' is stored but has no descriptor in workflows/types.");

    /// <summary>The type a request that names none gets (<c>isDefault</c>).</summary>
    public PaperTypeDescriptor Default => _types.Single(t => t.IsDefault);

    /// <summary>German label of a status of any type (for lists across types); the type's own label wins where known.</summary>
    public string StatusLabel(string? paperType, string status) =>
        Find(paperType) is { } type && type.Statuses.ContainsKey(status) ? type.StatusLabel(status)
        : _types.Select(t => t.Statuses.GetValueOrDefault(status)?.Label).FirstOrDefault(l => l is not null) ?? status;

    private static IEnumerable<string> Names(PaperTypeDescriptor type) => [type.Code, .. type.Aliases ?? []];

    private static IEnumerable<string> OfferedActions(WorkflowDefinition definition)
    {
        foreach (var activity in definition.Activities)
        {
            if (activity.Type == BuiltInActivityTypes.WaitForAction)
                foreach (var action in WaitForActionPayload.FromInputs(activity.Properties["allowedActions"], null).AllowedActions)
                    yield return action;
            if (activity.Type == CouncilActivityTypes.Deliberate)
            {
                yield return Deliberate.WithdrawAction;
                yield return RecordResultAction;
            }
        }
    }

    private static IEnumerable<string> Check(PaperTypeDescriptor type, IReadOnlyDictionary<string, WorkflowDefinition> definitions)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(type.Code, "^[a-z][a-z0-9_]{1,39}$"))
            yield return "$.code: use 2–40 lower-case letters, digits and '_'.";
        if (!definitions.TryGetValue(type.Workflow, out var definition))
        {
            yield return $"$.workflow: no workflow definition '{type.Workflow}' in workflows/.";
            yield break;
        }
        if (!BeratungsfolgeRules.All.Contains(type.Beratungsfolge))
            yield return $"$.beratungsfolge: expected one of {string.Join(", ", BeratungsfolgeRules.All)}.";
        if (!PrintLayouts.All.Contains(type.PrintLayout))
            yield return $"$.printLayout: expected one of {string.Join(", ", PrintLayouts.All)}.";
        var hasDeliberation = definition.Activities.Any(a => a.Type == CouncilActivityTypes.Deliberate);
        if (hasDeliberation != (type.Beratungsfolge != BeratungsfolgeRules.None))
            yield return hasDeliberation
                ? "$.beratungsfolge: the workflow deliberates (Vorlagen.Council.Deliberate), so the type needs a Beratungsfolge rule other than 'none'."
                : "$.beratungsfolge: the workflow has no Vorlagen.Council.Deliberate, so the rule must be 'none'.";

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < type.Fields.Count; i++)
        {
            var field = type.Fields[i];
            if (!names.Add(field.Name)) yield return $"$.fields[{i}].name: '{field.Name}' is listed twice.";
            if (!PaperFieldKinds.All.Contains(field.Kind)) yield return $"$.fields[{i}].kind: expected one of {string.Join(", ", PaperFieldKinds.All)}.";
            if (field.Kind == PaperFieldKinds.Choice && field.Options is not { Count: > 0 }) yield return $"$.fields[{i}].options: a choice needs options.";
            if (!System.Text.RegularExpressions.Regex.IsMatch(field.Name, "^[a-z][A-Za-z0-9]{0,39}$"))
                yield return $"$.fields[{i}].name: use a camelCase name of letters and digits.";
        }
        if (!type.Requires("title")) yield return "$.fields: every type has a required 'title' (Gegenstand/Betreff).";

        foreach (var action in ActionsOf(definition).Distinct())
            if (!type.Actions.ContainsKey(action))
                yield return $"$.actions: the workflow offers action '{action}' but the type gives it no German words.";
        foreach (var (code, action) in type.Actions)
        {
            foreach (var field in (action.Fields ?? []).Concat(action.Required ?? []).Concat((action.RequiredOneOf ?? []).SelectMany(g => g)))
                if (!type.Has(field)) yield return $"$.actions.{code}: field '{field}' is not among the type's fields.";
            foreach (var field in (action.Required ?? []).Concat((action.RequiredOneOf ?? []).SelectMany(g => g)))
                if (!(action.Fields ?? []).Contains(field)) yield return $"$.actions.{code}: required field '{field}' is not among the action's fields.";
            if (action.Related is { } related)
            {
                if (!type.Fields.Any(f => f.Kind == PaperFieldKinds.Paper)) yield return $"$.actions.{code}.related: the type names no other paper (no field of kind 'paper').";
                foreach (var field in (related.When ?? new Dictionary<string, string>()).Keys.Where(f => !type.Has(f)))
                    yield return $"$.actions.{code}.related.when: field '{field}' is not among the type's fields.";
                if (string.IsNullOrWhiteSpace(related.Comment)) yield return $"$.actions.{code}.related.comment: give the German reason recorded on the other paper.";
            }
        }
        // Withdrawing cannot be undone: every type that offers it records the reason (issue #18).
        if (type.Action(Deliberate.WithdrawAction) is { CommentRequired: null })
            yield return $"$.actions.{Deliberate.WithdrawAction}.commentRequired: withdrawing cannot be undone, so the reason must be recorded; give the German message for a missing comment.";
        foreach (var status in StatusesOf(definition).Append("draft").Distinct())
            if (!type.Statuses.ContainsKey(status))
                yield return $"$.statuses: the workflow sets status '{status}' but the type gives it no label.";
        foreach (var (code, status) in type.Statuses)
        {
            foreach (var action in (status.TaskActions ?? []).Where(a => !type.Actions.ContainsKey(a)))
                yield return $"$.statuses.{code}.taskActions: unknown action '{action}'.";
            if (status.TaskGroup is { } group && !TaskGroups.All.Contains(group))
                yield return $"$.statuses.{code}.taskGroup: expected one of {string.Join(", ", TaskGroups.All)}.";
            if (status.TaskDue is { } due && !TaskDues.All.Contains(due))
                yield return $"$.statuses.{code}.taskDue: expected one of {string.Join(", ", TaskDues.All)}.";
        }
        if (type.AgendaDeadline is { } agenda)
        {
            if (type.Field(agenda.From)?.Kind != PaperFieldKinds.Date) yield return $"$.agendaDeadline.from: '{agenda.From}' is not a date field.";
            if (type.Beratungsfolge == BeratungsfolgeRules.None) yield return "$.agendaDeadline: a type without Beratungsfolge is never on an agenda.";
        }
        foreach (var deadline in type.AllDeadlines)
        {
            if (!RuleNames.All.Contains(deadline.Rule)) yield return $"$.deadlines.{deadline.Code}.rule: unknown rule '{deadline.Rule}'.";
            if (type.Field(deadline.From)?.Kind != PaperFieldKinds.Date) yield return $"$.deadlines.{deadline.Code}.from: '{deadline.From}' is not a date field.";
            if (deadline.ExtendedBy is { } extended && type.Field(extended)?.Kind != PaperFieldKinds.Date)
                yield return $"$.deadlines.{deadline.Code}.extendedBy: '{extended}' is not a date field.";
            foreach (var status in deadline.WhileStatus.Where(s => !type.Statuses.ContainsKey(s)))
                yield return $"$.deadlines.{deadline.Code}.whileStatus: unknown status '{status}'.";
        }
    }

    private static IEnumerable<string> ActionsOf(WorkflowDefinition definition) => OfferedActions(definition);

    private static IEnumerable<string> StatusesOf(WorkflowDefinition definition) =>
        definition.Activities.Where(a => a.Type == CouncilActivityTypes.SetPaperStatus)
            .Select(a => a.Properties["status"] is JsonValue v ? v.GetValue<string>() : null).OfType<string>();
}
