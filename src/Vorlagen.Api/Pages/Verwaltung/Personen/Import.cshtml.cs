using MediatR;
using Microsoft.AspNetCore.Mvc;
using Vorlagen.Api.Features.People;
using Vorlagen.Api.Infrastructure.Auth;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Verwaltung.Personen;

/// <summary>Imports a member list from CSV: "Prüfen" is the dry run, "Importieren" writes everything or nothing.</summary>
public sealed class ImportModel(IMediator mediator, Caller caller) : UiPageModel
{
    [BindProperty(SupportsGet = true)] public long? BodyId { get; set; }
    [BindProperty] public string? Csv { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public AdminScope Scope { get; private set; } = default!;
    public ImportMembers.Report? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await PrepareAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? mode, CancellationToken ct)
    {
        await PrepareAsync(ct);
        if (Upload is { Length: > 0 })
        {
            using var reader = new StreamReader(Upload.OpenReadStream());
            Csv = await reader.ReadToEndAsync(ct);
        }
        try
        {
            Report = await mediator.Send(new ImportMembers.Command(Scope.BodyId ?? 0, Csv, mode != "import"), ct);
            if (Report.Written)
            {
                Notice = $"{Report.Lines} Zeilen importiert: {Report.PersonsCreated} neue Personen, {Report.MembershipsCreated} Mitgliedschaften.";
                return RedirectToPage("/Verwaltung/Personen/Index", new { bodyId = Scope.BodyId });
            }
        }
        catch (ImportFailedException failed)
        {
            Report = new ImportMembers.Report(false, false, 0, 0, 0, (IReadOnlyList<ImportMembers.Problem>)failed.Extensions["problems"]!);
        }
        catch (Exception e) when (FormErrors.Show(e, ModelState, ""))
        {
        }
        return Page();
    }

    private async Task PrepareAsync(CancellationToken ct)
    {
        Scope = await AdminScope.ResolveAsync(mediator, caller, BodyId, allowAll: false, ct);
        ViewData["Title"] = "Mitgliederliste importieren";
    }
}
