using System.Globalization;
using System.Text.RegularExpressions;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Vorlagen.Api.Features.Bodies;
using Vorlagen.Api.Features.Organizations;
using Vorlagen.Api.Features.Papers;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Infrastructure.PaperTypes;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Entwurf;

/// <summary>
/// What drafting and editing share: the form, the Gremien to choose from, and the Beratungsfolge row
/// buttons (add, move, remove, sort by number), which re-render on the server so they work without JavaScript.
/// </summary>
public abstract partial class EditorModel(IMediator mediator, PaperTypeCatalog types) : UiPageModel
{
    public const string Prefix = "Form";

    [BindProperty]
    public PaperForm Form { get; set; } = new();

    /// <summary>Which row button was pressed: "neu", "sortieren", "hoch:2", "runter:2" or "entfernen:2" (row index).</summary>
    [BindProperty]
    public string? Zeile { get; set; }

    public BodyDto Body { get; protected set; } = default!;

    /// <summary>The type of the paper drafted or edited: which fields the form shows and needs (workflows/types).</summary>
    public PaperTypeDescriptor Type { get; protected set; } = default!;

    public IReadOnlyList<PaperTypeDescriptor> Types => types.All;

    protected PaperTypeCatalog Catalog => types;

    /// <summary>The label of a field the type has (the type's own word, e.g. "Fragesteller/in" for an Anfrage's Einreicher).</summary>
    public string Label(string field, string fallback) => Type.Field(field)?.Label ?? fallback;

    public string? RequiredClass(string field) => Type.Requires(field) ? "required" : null;

    /// <summary>The type's own fields drafted with the paper (not those its actions set).</summary>
    public TypeFields.View OwnFields => new([.. Type.DraftFields.Where(f => !f.IsCore)], Form.Fields, $"{Prefix}.Fields");

    public IEnumerable<OrganizationDto> Choosable(long? selected) =>
        (Body.Organizations ?? []).Where(o => (o.Active || o.Id == selected) && Vorlagen.Domain.Organizations.OrganizationKinds.Find(o.Kind)?.Deliberates != false).OrderBy(o => o.Name, StringComparer.CurrentCulture);

    /// <summary>What an automatically assigned number looks like: the body's pattern with the paper's year and running number 1.</summary>
    public string ReferenceExample
    {
        get
        {
            var year = DateOnly.TryParseExact(Form.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date.Year : BerlinTime.Today(HttpContext.RequestServices.GetRequiredService<TimeProvider>()).Year;
            return ReferenceNumbers.Render(Body.ReferencePattern, year.ToString(CultureInfo.InvariantCulture), 1);
        }
    }

    protected IMediator Mediator => mediator;

    protected async Task LoadBodyAsync(long bodyId, CancellationToken ct) => Body = await mediator.Send(new GetBody.Query(bodyId), ct);

    protected void ApplyRowButton()
    {
        ModelState.Clear(); // re-render from the rearranged model, not from what was posted
        var rows = Form.Consultations;
        var match = RowButton().Match(Zeile ?? "");
        var index = match.Success ? int.Parse(match.Groups["row"].Value) : -1;
        switch (match.Success ? match.Groups["what"].Value : Zeile)
        {
            case "neu":
                Form.WithEmptyRows(atLeast: rows.Count(r => r.IsEmpty) + 1);
                return;
            case "hoch" when index > 0 && index < rows.Count:
                (rows[index - 1], rows[index]) = (rows[index], rows[index - 1]);
                break;
            case "runter" when index >= 0 && index < rows.Count - 1:
                (rows[index + 1], rows[index]) = (rows[index], rows[index + 1]);
                break;
            case "entfernen" when index >= 0 && index < rows.Count:
                rows.RemoveAt(index);
                break;
            case "sortieren":
                Form.Arranged();
                return;
        }
        Form.WithEmptyRows(atLeast: Math.Max(1, rows.Count(r => r.IsEmpty)));
    }

    /// <summary>
    /// Sends the command; on rejected input puts the messages at the fields and returns null. When someone else
    /// changed the paper meanwhile (stale version, concurrent change) and <paramref name="changedMeanwhile"/> is
    /// given, that explains it instead (the entries stay in the form either way).
    /// </summary>
    protected async Task<PaperDto?> TrySendAsync(Func<PaperInput, IRequest<PaperDto>> command, CancellationToken ct,
        Func<CancellationToken, Task>? changedMeanwhile = null)
    {
        var input = Form.ToInput(ModelState, Prefix, Body.Finance ?? FinanceBlock.Default, Type, out var rowOfStep);
        if (ModelState.ErrorCount > 0)
        {
            // A value that could not be read stops the save; the command's field rules still report everything else at once.
            var failures = new PaperInputValidator().Validate(input).Errors
                .Where(f => ModelState[FormErrors.Key(f.PropertyName, Prefix, path => MapStep(path, rowOfStep))] is not { Errors.Count: > 0 });
            FormErrors.Show(new FluentValidation.ValidationException(failures), ModelState, Prefix, path => MapStep(path, rowOfStep));
            return null;
        }
        try
        {
            return await mediator.Send(command(input), ct);
        }
        catch (AppException e) when (changedMeanwhile is not null && FormErrors.IsChangedMeanwhile(e))
        {
            await changedMeanwhile(ct);
            return null;
        }
        catch (Exception e) when (FormErrors.Show(e, ModelState, Prefix, path => MapStep(path, rowOfStep)))
        {
            return null;
        }
    }

    // The handler counts Beratungsfolge steps without the empty rows; the form counts rows.
    private static string? MapStep(string path, int[] rowOfStep)
    {
        if (path == "PaperType") return "";
        if (TypeFields.MapPath(path) is { } field) return field;
        if (path.StartsWith("FinancialImpact.", StringComparison.Ordinal))
        {
            var key = path["FinancialImpact.".Length..];
            return key.Length == 0 ? "" : $"Finance[{char.ToLowerInvariant(key[0])}{key[1..]}]";
        }
        var match = StepPath().Match(path);
        if (!match.Success) return null;
        var step = int.Parse(match.Groups["step"].Value);
        return step < rowOfStep.Length ? $"Consultations[{rowOfStep[step]}]{match.Groups["rest"].Value}" : "Consultations";
    }

    [GeneratedRegex(@"^(?<what>hoch|runter|entfernen):(?<row>\d{1,3})$")]
    private static partial Regex RowButton();

    [GeneratedRegex(@"^Consultations\[(?<step>\d+)\](?<rest>.*)$")]
    private static partial Regex StepPath();
}
