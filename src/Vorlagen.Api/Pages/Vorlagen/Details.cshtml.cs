using MediatR;
using Microsoft.AspNetCore.Mvc;
using Vorlagen.Api.Features.Papers;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Api.Infrastructure.PaperTypes;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Papers;

/// <summary>
/// One Vorlage: its fields, Beratungsfolge, history and the workflow actions the caller may take
/// now, each a small form sending <see cref="PerformAction.Command"/> with the version it was shown at.
/// </summary>
public sealed class DetailsModel(IMediator mediator, Caller caller, RuleProfiles profiles, TimeProvider clock, PaperTypeCatalog types) : UiPageModel
{
    public sealed class ActionInput
    {
        public string? Action { get; set; }
        public string? Comment { get; set; }
        public string? Date { get; set; }
        public int? Version { get; set; }
        /// <summary>The action's fields as the type describes them (<see cref="TypeFields"/>).</summary>
        public Dictionary<string, string?> Fields { get; set; } = [];
    }

    [BindProperty]
    public ActionInput Aktion { get; set; } = new();

    public PaperView View { get; private set; } = default!;
    public PaperDto Paper => View.Paper;
    public DateOnly TodayDate => BerlinTime.Today(clock);
    public string Today => Format.Iso(TodayDate);
    public string? Resolution => View.Resolution;
    public bool ShowsRecordingTime => caller.SeesAllOf(Paper.BodyId);

    /// <summary>The action as the paper's type describes it: words, comment box, date, fields (same source as <c>availableActions</c>).</summary>
    public PaperActionDescriptor Described(string action) => View.Type.Action(action) ?? new PaperActionDescriptor(action, "", action);

    /// <summary>The action's own fields, filled with what the paper has (or what the user typed if this action failed).</summary>
    public TypeFields.View ActionFields(string action)
    {
        var fields = (Described(action).Fields ?? []).Select(View.Type.Field).OfType<PaperFieldDescriptor>().ToList();
        var values = Aktion.Action == action && Aktion.Fields.Count > 0 ? Aktion.Fields : TypeFields.Values(Paper.Fields);
        return new TypeFields.View(fields, values, "Aktion.Fields", Math.Max(1, TypeFields.LongestList(Paper.Fields)), $"{action}.Fields");
    }

    public async Task OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostAktionAsync(long id, CancellationToken ct)
    {
        if (!caller.IsAuthenticated) return Challenge();
        var action = Aktion.Action ?? "";
        var date = FormValues.Date(Aktion.Date, ModelState, $"{action}.Date", "Datum");
        var type = types.Get((await mediator.Send(new GetPaper.Query(id), ct)).PaperType);
        var fields = TypeFields.Read((type.Action(action)?.Fields ?? []).Select(type.Field).OfType<PaperFieldDescriptor>(), Aktion.Fields);
        if (ModelState.ErrorCount == 0)
        {
            try
            {
                await mediator.Send(new PerformAction.Command(id, action, FormValues.Text(Aktion.Comment), date, Aktion.Version, fields), ct);
                Notice = Actions.For(type, action).Done;
                return RedirectToPage(new { id });
            }
            catch (AppException e) when (FormErrors.IsChangedMeanwhile(e) || e.Code == "action_not_allowed" && Aktion.Version is not null)
            {
                await LoadAsync(id, ct);
                // An action refused although the page offered it: someone else acted first. Say so plainly; the page shows the current state.
                if (e.Code != "action_not_allowed" || Paper.Version != Aktion.Version)
                {
                    ChangedMeanwhile = ActedMeanwhile(Paper, View.Type, action);
                    return Page();
                }
                ModelState.AddModelError("", e.Message);
                return Page();
            }
            catch (Exception e) when (FormErrors.Show(e, ModelState, action, TypeFields.MapPath))
            {
            }
        }
        await LoadAsync(id, ct);
        return Page();
    }

    /// <summary>Deletes a draft that was never submitted (after the confirmation box); the list says it is gone.</summary>
    public async Task<IActionResult> OnPostLoeschenAsync(long id, bool bestaetigt, int? version, CancellationToken ct)
    {
        if (!caller.IsAuthenticated) return Challenge();
        if (!bestaetigt)
            ModelState.AddModelError("loeschen", "Bitte bestätigen Sie, dass der Entwurf gelöscht werden soll.");
        else
        {
            try
            {
                var reference = (await mediator.Send(new GetPaper.Query(id), ct)).Reference;
                await mediator.Send(new DeletePaper.Command(id, version), ct);
                Notice = $"Der Entwurf {reference} wurde gelöscht.";
                return RedirectToPage("/Vorlagen/Index");
            }
            catch (Exception e) when (FormErrors.Show(e, ModelState, "loeschen"))
            {
            }
        }
        await LoadAsync(id, ct);
        return Page();
    }

    /// <summary>Set when an action was not carried out because someone else changed the Vorlage first.</summary>
    public string? ChangedMeanwhile { get; private set; }

    public static string ActedMeanwhile(PaperDto paper, PaperTypeDescriptor type, string action)
    {
        var by = string.IsNullOrWhiteSpace(paper.UpdatedBy) ? "jemand anderem" : paper.UpdatedBy;
        var when = paper.UpdatedAt is { } at ? $" (am {Format.Instant(at)})" : "";
        var what = Actions.IsKnown(type, action) ? $"Ihre Aktion „{Actions.For(type, action).Button}“" : "Ihre Aktion";
        return $"Die Vorlage wurde inzwischen von {by} geändert{when}; {what} wurde nicht ausgeführt. " +
            $"Die Vorlage ist jetzt „{paper.StatusLabel}“. Bitte prüfen Sie den aktuellen Stand.";
    }

    /// <summary>What the user typed into this action's form, if it was the one that failed.</summary>
    public string? Typed(string action, string field) =>
        Aktion.Action != action ? null : field == nameof(ActionInput.Date) ? Aktion.Date : Aktion.Comment;

    private async Task LoadAsync(long id, CancellationToken ct)
    {
        View = await PaperView.LoadAsync(mediator, caller, profiles, types, id, ct);
        ViewData["Title"] = $"{Paper.Reference} {Paper.Title}";
    }
}
