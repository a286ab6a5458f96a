using System.Text.Json.Nodes;
using Vorlagen.Workflows.Journal;
using Vorlagen.Workflows.Runtime;
using Vorlagen.Workflows.Tests.Infrastructure;

namespace Vorlagen.Workflows.Tests.Scenarios.DecisionBranches;

public sealed class DecisionBranchesTests : IDisposable
{
    private readonly WorkflowTestHost host = new();

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData(2_500_000, "Kreistag", "True")]
    [InlineData(1_000_000, "Kreisausschuss", "False")]
    [InlineData(12.5, "Kreisausschuss", "False")]
    public async Task Takes_the_branch_the_condition_selects(double amount, string route, string outcome)
    {
        await host.PublishScenarioAsync("DecisionBranches");

        var result = await host.StartAsync("decision-branches", $"paper-{amount}", input: new JsonObject { ["amount"] = amount });

        Assert.Equal(WorkflowSubStatus.Finished, result.Instance.SubStatus);
        Assert.Equal(route, result.Instance.Variables["route"]!.GetValue<string>());
        var decision = Assert.Single(result.Journal, r => r.ActivityId == "large-amount");
        Assert.Equal(JournalEvents.ActivityCompleted, decision.EventName);
        Assert.Equal($$"""{"outcome":"{{outcome}}"}""", decision.Payload);
        var taken = route == "Kreistag" ? "to-kreistag" : "to-kreisausschuss";
        var skipped = route == "Kreistag" ? "to-kreisausschuss" : "to-kreistag";
        Assert.Contains(result.Journal, r => r.ActivityId == taken);
        Assert.DoesNotContain(result.Journal, r => r.ActivityId == skipped);
    }
}
