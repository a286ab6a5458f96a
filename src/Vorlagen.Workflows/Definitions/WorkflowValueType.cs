namespace Vorlagen.Workflows.Definitions;

/// <summary>Types of workflow variables and inputs: plain JSON kinds, so state always reloads.</summary>
public enum WorkflowValueType
{
    Any,
    String,
    Boolean,
    Number,
    Integer,
    Object,
    Array,
}
