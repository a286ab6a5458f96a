namespace Vorlagen.Workflows.Activities;

/// <summary>Well-known port names (Elsa's).</summary>
public static class Ports
{
    public const string In = "In";
    public const string Done = "Done";
    public const string True = "True";
    public const string False = "False";
}
