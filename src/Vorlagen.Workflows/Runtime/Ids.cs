namespace Vorlagen.Workflows.Runtime;

/// <summary>String ids like Elsa's: GUID "N" format; version 7 so they sort roughly by creation time.</summary>
internal static class Ids
{
    public static string New(DateTimeOffset now) => Guid.CreateVersion7(now).ToString("N");
}
