using System.Globalization;
using Vorlagen.Api.Features.Papers;
using Vorlagen.Api.Infrastructure;

namespace Vorlagen.Api.Pages.Shared;

/// <summary>How the UI writes dates, times, money and tallies: German conventions, times in Europe/Berlin.</summary>
public static class Format
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>
    /// A paper type's name for a heading, with a soft hyphen before "vorlage" in a compound ("Beschluss­vorlage"):
    /// a narrow sheet then breaks the long word only where German would.
    /// </summary>
    public static string TypeHeading(string label)
    {
        var at = label.IndexOf("vorlage", StringComparison.Ordinal);
        return at > 0 && char.IsLetter(label[at - 1]) ? label.Insert(at, "\u00AD") : label;
    }

    public static string Date(DateOnly? date) => date?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? "–";

    public static string Date(string? isoDate) =>
        DateOnly.TryParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? Date(d) : isoDate ?? "–";

    public static string Instant(DateTimeOffset instant) =>
        BerlinTime.ToBerlin(instant).ToString("dd.MM.yyyy, HH:mm 'Uhr'", CultureInfo.InvariantCulture);

    /// <summary>The value of an <c>input type="date"</c>.</summary>
    public static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Money(decimal? amount) => amount is { } a ? a.ToString("#,##0.00", German) + " €" : "–";

    /// <summary>A form value for a money field, as a clerk would type it.</summary>
    public static string MoneyInput(decimal? amount) => amount?.ToString("0.00", German) ?? "";

    /// <summary>The tally as the Kyffhäuser papers print it (seed 004).</summary>
    public static string Votes(VotesDto votes) => $"Ja: {votes.Yes} Nein: {votes.No} Enth: {votes.Abstain} Bef: {votes.Recused}";

    public static string YesNo(bool value) => value ? "ja" : "nein";

    /// <summary>
    /// A technical name ("kyf.chair.wirtschaft") that may wrap after each dot, so a narrow table column
    /// breaks it there rather than widening the table or splitting an ordinary word elsewhere.
    /// </summary>
    public static Microsoft.AspNetCore.Html.IHtmlContent BreakAfterDots(string? name) =>
        new Microsoft.AspNetCore.Html.HtmlString(string.Join(".<wbr>",
            (name ?? "").Split('.').Select(part => System.Text.Encodings.Web.HtmlEncoder.Default.Encode(part))));
}
