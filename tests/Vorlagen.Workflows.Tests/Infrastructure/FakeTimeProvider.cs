namespace Vorlagen.Workflows.Tests.Infrastructure;

/// <summary>A clock the test moves by hand; no sleeps.</summary>
public sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public FakeTimeProvider() : this(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
