namespace Vorlagen.Workflows.Activities;

/// <summary>The JSON shape an activity input must have in a definition file.</summary>
public enum InputType
{
    Any,
    String,
    Boolean,
    Number,
    Integer,
    StringArray,
    Object,
}
