namespace Vorlagen.Api.Tests.Support;

/// <summary>A workflow whose only wait is a timer already due (2020): start → timer → set a variable → end.</summary>
public static class DeadlineWorkflow
{
    public static string Json(string definitionId, string name = "Frist") => $$"""
        {
          "definitionId": "{{definitionId}}", "version": 1, "name": "{{name}}",
          "variables": [ { "name": "periodOver", "type": "Boolean", "default": false } ],
          "root": { "type": "Vorlagen.Flowchart",
            "activities": [
              { "id": "start", "type": "Vorlagen.Start" },
              { "id": "deadline", "type": "Vorlagen.Timer", "dueAt": "2020-01-01T00:00:00Z" },
              { "id": "over", "type": "Vorlagen.SetVariable", "variable": "periodOver", "value": true },
              { "id": "end", "type": "Vorlagen.End" } ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "deadline", "port": "In" } },
              { "source": { "activity": "deadline", "port": "Done" }, "target": { "activity": "over", "port": "In" } },
              { "source": { "activity": "over", "port": "Done" }, "target": { "activity": "end", "port": "In" } } ] }
        }
        """;
}
