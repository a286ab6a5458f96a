namespace Vorlagen.Api.Infrastructure.PaperTypes;

/// <summary>
/// A paper type as data (<c>workflows/types/*.json</c>): its workflow, its fields, its Beratungsfolge rule, numbering,
/// print layout, deadlines, and the German words for its actions and statuses. No C# names a paper type.
/// </summary>
public sealed record PaperTypeDescriptor(
    string Code,
    string Label,
    string Workflow,
    IReadOnlyList<PaperFieldDescriptor> Fields,
    string Beratungsfolge,
    IReadOnlyDictionary<string, PaperActionDescriptor> Actions,
    IReadOnlyDictionary<string, PaperStatusDescriptor> Statuses,
    IReadOnlyList<string>? Aliases = null,
    string? Numbering = null,
    string PrintLayout = PrintLayouts.Vorlage,
    string? BodyTemplate = null,
    IReadOnlyList<PaperDeadlineDescriptor>? Deadlines = null,
    string? Description = null,
    bool IsDefault = false,
    PaperAgendaDeadlineDescriptor? AgendaDeadline = null)
{
    public PaperFieldDescriptor? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);
    public bool Has(string name) => Field(name) is not null;
    public bool Requires(string name) => Field(name)?.Required == true;

    /// <summary>Template key of the body's Beratungsfolge templates (<c>consultationTemplates</c> in the body seed).</summary>
    public string TemplateKey => BodyTemplate ?? Code;

    /// <summary>Fields a clerk drafts (the others are set by an action of the workflow).</summary>
    public IEnumerable<PaperFieldDescriptor> DraftFields => Fields.Where(f => !Actions.Values.Any(a => (a.Fields ?? []).Contains(f.Name)));

    public string StatusLabel(string status) => Statuses.TryGetValue(status, out var s) ? s.Label : status;

    public PaperActionDescriptor? Action(string code) => Actions.GetValueOrDefault(code);

    public IEnumerable<PaperDeadlineDescriptor> AllDeadlines => Deadlines ?? [];
}

/// <summary>One field. Core fields map to the paper's columns; every other field is stored in its JSON <c>fields</c>.</summary>
/// <param name="Kind">text, longtext, date, list, choice, paper (the id of another paper of the body).</param>
/// <param name="Options">for <c>choice</c>: code → German label.</param>
public sealed record PaperFieldDescriptor(string Name, string Label, string Kind, bool Required = false,
    IReadOnlyDictionary<string, string>? Options = null, int? MaxLength = null, string? Hint = null)
{
    public bool IsCore => PaperFieldKinds.CoreFields.Contains(Name);
}

/// <param name="Button">the button text; <paramref name="Done"/> the confirmation; <paramref name="History"/> the history entry.</param>
/// <param name="Fields">fields the action sets (validated like drafted ones); <paramref name="Required"/> of them must be given,
/// and of each group in <paramref name="RequiredOneOf"/> at least one.</param>
/// <param name="CommentRequired">if set, the action needs a comment and this is the German message when it is missing.</param>
/// <param name="CommentLabel">the label of the comment box on the page; without it (and without <paramref name="CommentRequired"/>) the page asks for no comment.</param>
/// <param name="DateLabel">the label of the date the step happened (e.g. "Datum der Freigabe"); without it the page sends today.</param>
/// <param name="Confirm">a step with consequences: the page shows it as a warning button.</param>
/// <param name="Related">what this step does to the paper this one names (an Austauschvorlage's release ends the replaced paper's deliberation).</param>
public sealed record PaperActionDescriptor(string Button, string Done, string History, string? Hint = null,
    IReadOnlyList<string>? Fields = null, IReadOnlyList<string>? Required = null, IReadOnlyList<IReadOnlyList<string>>? RequiredOneOf = null,
    string? CommentRequired = null, string? CommentLabel = null, bool Confirm = false, string? DateLabel = null, PaperRelatedEffect? Related = null);

/// <summary>
/// When the step is taken on a paper whose fields match <paramref name="When"/> (field → value), the named paper (field of kind
/// <c>paper</c>) is given <paramref name="Action"/> in the same transaction, by the same caller, with <paramref name="Comment"/>
/// (<c>{reference}</c> is this paper's number). If the named paper no longer offers that action, the step is refused.
/// </summary>
public sealed record PaperRelatedEffect(string Action, string Comment, IReadOnlyDictionary<string, string>? When = null)
{
    public bool Applies(System.Text.Json.Nodes.JsonObject? fields) =>
        (When ?? new Dictionary<string, string>()).All(w => fields?[w.Key]?.ToString() == w.Value);
}

/// <param name="Open">the paper still waits for someone (Meine Aufgaben looks at it).</param>
/// <param name="Task">the task Meine Aufgaben shows when the caller may take one of <paramref name="TaskActions"/> (any action if none are named).</param>
/// <param name="TaskGroup">the group of Meine Aufgaben it is listed in: draft, release, sign or action (the default).</param>
/// <param name="TaskDue">which date the task shows (<see cref="TaskDues"/>); without it, the type's deadlines.</param>
/// <param name="TaskDueLabel">the words before that date, e.g. "Erste Beratung am".</param>
public sealed record PaperStatusDescriptor(string Label, bool Open = false, string? Task = null, IReadOnlyList<string>? TaskActions = null,
    string? TaskGroup = null, string? TaskDue = null, string? TaskDueLabel = null);

/// <summary>The dates a status' task can show.</summary>
public static class TaskDues
{
    /// <summary>The planned date of the next pending consultation.</summary>
    public const string NextConsultation = "nextConsultation";
    /// <summary>The last day for the Landrat's Widerspruch against the decision (rule profile, with citation).</summary>
    public const string Widerspruch = "widerspruch";
    /// <summary>No date; the task names the Gremium whose decision it concerns.</summary>
    public const string Decision = "decision";
    public static readonly string[] All = [NextConsultation, Widerspruch, Decision];
}

/// <summary>The groups of Meine Aufgaben a task can be listed in.</summary>
public static class TaskGroups
{
    public const string Draft = "draft";
    public const string Release = "release";
    public const string Result = "result";
    public const string Sign = "sign";
    public const string Action = "action";
    public static readonly string[] All = [Draft, Release, Result, Sign, Action];
}

/// <summary>
/// A deadline the type runs: counted by rule <paramref name="Rule"/> of the body's rule profile (citation and valid-from
/// from there) from the date field <paramref name="From"/>; a body setting overrides the period, a date field named by
/// <paramref name="ExtendedBy"/> (an interim reply's new date) overrides the day. Shown while the status is one of <paramref name="WhileStatus"/>.
/// </summary>
public sealed record PaperDeadlineDescriptor(string Code, string Label, string Rule, string From, IReadOnlyList<string> WhileStatus,
    string? ExtendedBy = null, int DueSoonDays = 7);

/// <summary>
/// The paper must be on the agenda of the Gremium of its beschließend consultation by a session counted from the date field
/// <paramref name="From"/> (rule data <c>agendaDeadlines</c> in <c>workflows/meetings/ladungsfrist.json</c>: Sachsen § 32 Abs. 5 SächsLKrO).
/// </summary>
public sealed record PaperAgendaDeadlineDescriptor(string From);

public static class PrintLayouts
{
    public const string Vorlage = "vorlage";
    public const string Letter = "letter";
    public static readonly string[] All = [Vorlage, Letter];
}

public static class BeratungsfolgeRules
{
    /// <summary>Exactly one beschließend consultation and it is the last.</summary>
    public const string DecidingLast = "decidingLast";
    /// <summary>Kenntnisnahme consultations only.</summary>
    public const string NotingOnly = "notingOnly";
    /// <summary>No Beratungsfolge (e.g. an Anfrage).</summary>
    public const string None = "none";
    public static readonly string[] All = [DecidingLast, NotingOnly, None];
}

public static class PaperFieldKinds
{
    public const string Text = "text";
    public const string LongText = "longtext";
    public const string Date = "date";
    public const string List = "list";
    public const string Choice = "choice";
    public const string Paper = "paper";
    public const string Finance = "finance";
    public static readonly string[] All = [Text, LongText, Date, List, Choice, Paper, Finance];

    /// <summary>Fields stored in the paper's own columns (the API sends them at the top level).</summary>
    public static readonly string[] CoreFields =
        ["title", "date", "originator", "legalBasis", "consultedWith", "proposal", "reasoning", "financialImpact", "effectiveDate"];
}
