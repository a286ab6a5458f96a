using MediatR;
using Vorlagen.Api.Features.Papers;
using Vorlagen.Api.Infrastructure;
using Vorlagen.Api.Pages.Shared;
using Vorlagen.Workflows.Journal;

namespace Vorlagen.Api.Pages.Papers;

/// <summary>
/// Whether the paper's hash-chained journal verifies (for everyone who may see the paper) and the
/// raw records (for the office only: they carry non-public tallies).
/// </summary>
public sealed class JournalModel(IMediator mediator) : UiPageModel
{
    public PaperDto Paper { get; private set; } = default!;
    public GetPaperJournal.JournalCheck Verification { get; private set; } = default!;
    public IReadOnlyList<WorkflowExecutionLogRecord>? Records { get; private set; }
    public string? RecordsWithheld { get; private set; }

    public async Task OnGetAsync(long id, CancellationToken ct)
    {
        Paper = await mediator.Send(new GetPaper.Query(id), ct);
        Verification = await mediator.Send(new GetPaperJournal.Verify(id), ct);
        try
        {
            Records = await mediator.Send(new GetPaperJournal.Query(id), ct);
        }
        catch (ForbiddenException e)
        {
            RecordsWithheld = e.Message;
        }
        ViewData["Title"] = $"Journal {Paper.Reference}";
    }
}
