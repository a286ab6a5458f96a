namespace Vorlagen.Domain.Rules;

/// <summary>How abstentions enter a simple majority: not at all ("ignored") or as votes against ("countAsNo").</summary>
public enum AbstentionHandling
{
    Ignored,
    CountAsNo,
}
