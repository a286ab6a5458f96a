using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Vorlagen.Api.Pages.Shared;

/// <summary>
/// Marks a form control with an error as <c>aria-invalid</c> and points <c>aria-describedby</c> at
/// its message (rendered by <see cref="FieldErrorTagHelper"/>), so screen readers announce both.
/// Works on any control with <c>asp-for</c> or a <c>error-key</c> naming its ModelState key.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
[HtmlTargetElement("input", Attributes = "error-key")]
[HtmlTargetElement("select", Attributes = "error-key")]
[HtmlTargetElement("textarea", Attributes = "error-key")]
public sealed class AriaInvalidTagHelper : TagHelper
{
    // After the built-in input/select/textarea helpers, which set id and name.
    public override int Order => 1000;

    [HtmlAttributeName("asp-for")]
    public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression? For { get; set; }

    [HtmlAttributeName("error-key")]
    public string? ErrorKey { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var key = ErrorKey ?? (For is null ? null : ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name));
        if (key is null || !FieldErrorTagHelper.HasErrors(ViewContext, key)) return;
        output.Attributes.SetAttribute("aria-invalid", "true");
        var describedBy = output.Attributes["aria-describedby"]?.Value?.ToString();
        var errorId = FieldErrorTagHelper.ErrorId(key);
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrEmpty(describedBy) ? errorId : $"{errorId} {describedBy}");
    }
}

/// <summary><c>&lt;field-error key="Form.Title" /&gt;</c>: the field's messages, or nothing.</summary>
[HtmlTargetElement("field-error", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorTagHelper : TagHelper
{
    [HtmlAttributeName("key")]
    public string Key { get; set; } = "";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public static string ErrorId(string key) => TagBuilder.CreateSanitizedId(key, "_") + "-fehler";

    public static bool HasErrors(ViewContext view, string key) =>
        view.ViewData.ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!ViewContext.ViewData.ModelState.TryGetValue(Key, out var entry) || entry.Errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "p";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field-error");
        output.Attributes.SetAttribute("id", ErrorId(Key));
        output.Content.AppendHtml("<span class=\"visually-hidden\">Fehler: </span>");
        output.Content.Append(string.Join(" ", entry.Errors.Select(e => e.ErrorMessage).Distinct()));
    }
}
