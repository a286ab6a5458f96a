using Microsoft.AspNetCore.Mvc.ModelBinding;
using Vorlagen.Api.Features.Tallies;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Ergebnis;

/// <summary>The result form as the browser sends it; numbers and dates are read with German messages.</summary>
public sealed class ResultForm
{
    public string? Date { get; set; }
    public string? Outcome { get; set; }
    public VotesForm Votes { get; set; } = new();
    public string? Majority { get; set; }
    public bool SecondSession { get; set; }
    public string? ResolutionText { get; set; }
    public long? ReferredToOrganizationId { get; set; }
    public string? PlannedDate { get; set; }
    public int? Version { get; set; }

    public sealed class VotesForm
    {
        public string? Entitled { get; set; }
        public string? Yes { get; set; }
        public string? No { get; set; }
        public string? Abstain { get; set; }
        public string? Recused { get; set; }

        public bool IsEmpty => new[] { Entitled, Yes, No, Abstain, Recused }.All(string.IsNullOrWhiteSpace);
    }

    /// <summary>The tally as the commands take it; null when no number was entered (outcomes without a vote).</summary>
    public VotesInput? ReadVotes(ModelStateDictionary modelState, string prefix)
    {
        if (Votes.IsEmpty) return null;
        int? Read(string? text, string field, string label) => FormValues.Integer(text, modelState, $"{prefix}.Votes.{field}", label);
        return new VotesInput(Read(Votes.Entitled, "Entitled", "Stimmberechtigte"), Read(Votes.Yes, "Yes", "Ja-Stimmen"),
            Read(Votes.No, "No", "Nein-Stimmen"), Read(Votes.Abstain, "Abstain", "Enthaltungen"), Read(Votes.Recused, "Recused", "Befangene"));
    }
}
