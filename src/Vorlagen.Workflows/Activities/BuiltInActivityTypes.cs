namespace Vorlagen.Workflows.Activities;

/// <summary>Type names of the built-in activities and the flowchart container.</summary>
public static class BuiltInActivityTypes
{
    public const string Flowchart = "Vorlagen.Flowchart";
    public const string Start = "Vorlagen.Start";
    public const string End = "Vorlagen.End";
    public const string Decision = "Vorlagen.Decision";
    public const string SetVariable = "Vorlagen.SetVariable";
    public const string WaitForAction = "Vorlagen.WaitForAction";
    public const string Timer = "Vorlagen.Timer";
}
