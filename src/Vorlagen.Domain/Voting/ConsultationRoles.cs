namespace Vorlagen.Domain.Voting;

/// <summary>Catalogue of consultation roles.</summary>
public static class ConsultationRoles
{
    public const string Vorberatend = "vorberatend";
    public const string Beschliessend = "beschliessend";
    public const string Kenntnisnahme = "kenntnisnahme";

    public static IReadOnlyList<ConsultationRole> All { get; } =
    [
        new(Vorberatend, "vorberatend"),
        new(Beschliessend, "beschließend"),
        new(Kenntnisnahme, "Kenntnisnahme"),
    ];

    public static ConsultationRole? Find(string? code) => All.FirstOrDefault(r => r.Code == code);
}
