using MediatR;
using Vorlagen.Api.Features.Papers;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Pages.Shared;

namespace Vorlagen.Api.Pages.Papers;

/// <summary>
/// Whether the paper's hash-chained journal verifies (for everyone who may see the paper; the record
/// count only where the handler gives it) and the records in German (for the office only: they carry
/// non-public tallies), each with its raw data folded away.
/// </summary>
public sealed class JournalModel(IMediator mediator, Infrastructure.PaperTypes.PaperTypeCatalog types) : UiPageModel
{
    public PaperDto Paper { get; private set; } = default!;
    public GetPaperJournal.JournalCheck Verification { get; private set; } = default!;
    public IReadOnlyList<JournalEntries.JournalEntry>? Entries { get; private set; }
    public string? RecordsWithheld { get; private set; }

    public async Task OnGetAsync(long id, CancellationToken ct)
    {
        Paper = await mediator.Send(new GetPaper.Query(id), ct);
        Verification = await mediator.Send(new GetPaperJournal.Verify(id), ct);
        try
        {
            Entries = JournalEntries.From(await mediator.Send(new GetPaperJournal.Query(id), ct), Paper, types.Get(Paper.PaperType));
        }
        catch (ForbiddenException e)
        {
            RecordsWithheld = e.Message;
        }
        ViewData["Title"] = $"Journal {Paper.Reference}";
    }
}
