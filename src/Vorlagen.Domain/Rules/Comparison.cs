namespace Vorlagen.Domain.Rules;

/// <summary>How a count is compared with a fraction of a total: "atLeast" (≥) or "moreThan" (&gt;).</summary>
public enum Comparison
{
    AtLeast,
    MoreThan,
}
