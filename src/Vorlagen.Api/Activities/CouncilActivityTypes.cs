namespace Vorlagen.Api.Activities;

/// <summary>The council activities this host registers with the workflow runtime.</summary>
public static class CouncilActivityTypes
{
    public const string SetPaperStatus = "Vorlagen.Council.SetPaperStatus";
    public const string Deliberate = "Vorlagen.Council.Deliberate";
    public const string AppendDecidingConsultation = "Vorlagen.Council.AppendDecidingConsultation";

    /// <summary>Bookmark of a consultation waiting for its result; payload carries the consultation and who may record it.</summary>
    public const string ConsultationResultBookmark = "Vorlagen.Council.ConsultationResult";

    /// <summary>Journal event of a status change (read back as the paper's history).</summary>
    public const string TransitionEvent = "Transition";
    public const string ResultRecordedEvent = "ResultRecorded";

    /// <summary>
    /// A recorded result corrected before the Niederschrift is signed: a new record beside the ResultRecorded one, with the
    /// previous values (<c>correction.previous</c>), the reason and the row as stored now; the latest of both counts.
    /// </summary>
    public const string ResultCorrectedEvent = "ResultCorrected";

    /// <summary>Resume-input key that marks a re-run of a consultation's result as its correction.</summary>
    public const string CorrectionKey = "correction";

    /// <summary>Key of the consultation row as stored, in a ResultRecorded payload (journaled since the cross-check exists).</summary>
    public const string StoredConsultationKey = "storedConsultation";

    /// <summary>Key of the paper row as stored after a transition, in a Transition payload.</summary>
    public const string StoredPaperKey = "paper";
}
