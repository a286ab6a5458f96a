namespace Vorlagen.Api.Features.Papers;

/// <summary>A consultation is pending until its result is recorded; then it is done and immutable.</summary>
public static class ConsultationStatuses
{
    public const string Pending = "pending";
    public const string Done = "done";
}
