namespace Vorlagen.Api.Features.OParl;

/// <summary>Answered as an OParl error object (<see cref="OParlResponses.Error"/>) with the given status.</summary>
public sealed class OParlException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;

    public static OParlException NotFound() => new(404, "not_found", "Dieses Objekt gibt es hier nicht (oder es ist nicht öffentlich).");
}
