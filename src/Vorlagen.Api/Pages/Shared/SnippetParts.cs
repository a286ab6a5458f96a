using Vorlagen.Api.Features.Papers;

namespace Vorlagen.Api.Pages.Shared;

/// <summary>A search snippet cut into plain and marked pieces, so the page encodes every piece and marks the hits.</summary>
public static class SnippetParts
{
    public static IEnumerable<(string Text, bool Marked)> Of(SearchSnippet snippet)
    {
        var at = 0;
        foreach (var mark in snippet.Marks.Where(m => m.Start >= 0 && m.Start + m.Length <= snippet.Text.Length).OrderBy(m => m.Start))
        {
            if (mark.Start < at) continue;
            if (mark.Start > at) yield return (snippet.Text[at..mark.Start], false);
            yield return (snippet.Text.Substring(mark.Start, mark.Length), true);
            at = mark.Start + mark.Length;
        }
        if (at < snippet.Text.Length) yield return (snippet.Text[at..], false);
    }
}
