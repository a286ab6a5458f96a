namespace Vorlagen.Api.Pages.Shared;

/// <summary>What the German error page says for a status code, plus the handler's own message if there is one.</summary>
public sealed record ErrorView(int Code, string Heading, string Text, string? Detail)
{
    public static ErrorView For(int code, string? detail)
    {
        var (heading, text) = code switch
        {
            400 => ("Ungültige Anfrage", "Die Anfrage konnte nicht verarbeitet werden. Bitte prüfen Sie Ihre Angaben."),
            401 => ("Anmeldung erforderlich", "Bitte melden Sie sich an, um diese Seite zu sehen."),
            403 => ("Keine Berechtigung", "Diese Aktion oder Seite ist Ihrer Rolle nicht freigegeben."),
            404 => ("Nicht gefunden", "Die Seite oder Vorlage gibt es nicht, oder sie ist nicht öffentlich."),
            405 => ("Nicht möglich", "Diese Seite kann so nicht aufgerufen werden."),
            409 => ("Nicht möglich", "Der Schritt ist im aktuellen Stand der Vorlage nicht möglich."),
            412 => ("Veraltete Daten", "Die Daten wurden inzwischen geändert. Bitte laden Sie die Seite neu."),
            413 => ("Zu groß", "Die Eingabe oder Datei ist zu groß. Bitte kürzen Sie die Texte oder verkleinern Sie die Datei."),
            422 => ("Nicht zulässig", "Die Angaben verstoßen gegen eine Regel."),
            429 => ("Zu viele Anfragen", "Bitte warten Sie einen Moment und versuchen Sie es dann erneut."),
            _ => ("Ein Fehler ist aufgetreten", "Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es erneut oder wenden Sie sich an den Betrieb."),
        };
        return new ErrorView(code, heading, text, detail);
    }
}
