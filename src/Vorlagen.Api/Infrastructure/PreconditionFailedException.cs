namespace Vorlagen.Api.Infrastructure;

/// <summary>412: the If-Match version is stale; the client must reload.</summary>
public sealed class PreconditionFailedException(int currentVersion)
    : AppException(412, "stale_version", "Veraltete Version",
        $"Der Datensatz wurde inzwischen geändert (aktuelle Version {currentVersion}). Bitte neu laden und die Änderung erneut vornehmen.")
{
    public override IReadOnlyDictionary<string, object?> Extensions =>
        new Dictionary<string, object?> { ["currentVersion"] = currentVersion };
}
