using System.Text.Json.Serialization;
using FluentValidation;

namespace Vorlagen.Api.Infrastructure;

/// <summary>
/// One page of a list in a stable order. Long lists (papers) may set <paramref name="TotalIsEstimate"/> (then
/// <paramref name="Total"/> is a lower bound: counting further would cost more than the page) and <paramref name="Next"/>, the
/// cursor of the following page (<c>after=</c>); both are left out of the JSON when unset.
/// </summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool TotalIsEstimate = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Next = null)
{
    public const int MaxPageSize = 200;
    public const int DefaultPageSize = 50;
}

public static class PagingRules
{
    public static void ValidPaging<T>(this AbstractValidator<T> validator, Func<T, int> page, Func<T, int> pageSize)
    {
        validator.RuleFor(x => page(x)).InclusiveBetween(1, MaxPage).OverridePropertyName("page")
            .WithMessage($"Die Seitennummer muss zwischen 1 und {MaxPage} liegen.");
        validator.RuleFor(x => pageSize(x)).InclusiveBetween(1, PagedList<object>.MaxPageSize).OverridePropertyName("pageSize")
            .WithMessage($"Die Seitengröße muss zwischen 1 und {PagedList<object>.MaxPageSize} liegen.");
    }

    public const int MaxPage = 1_000_000;

    public static int Offset(int page, int pageSize) => (page - 1) * pageSize;
}
