using System.Runtime.InteropServices;
using Vorlagen.Benchmarks;
using Vorlagen.Workflows.Persistence;

// `soak [--minutes 60] …`: long write load against the real server, printing its RSS (see Soak.cs).
if (args is ["soak", ..])
{
    Environment.ExitCode = await Soak.RunAsync(args[1..]);
    return;
}

// Prints transitions per second of a 10-step wait/resume workflow (WaitForAction × 10), in memory
// and persisted to a temp SQLite file: median of several measured runs after one warm-up run.
const int MeasuredRuns = 5;
const int InMemoryInstances = 1_000;
const int SqliteInstances = 300;

Console.WriteLine("Vorlagen.Workflows benchmark: 10-step WaitForAction workflow, one transition = one committed resume");
Console.WriteLine($"machine: {Environment.ProcessorCount} logical cores, {CpuModel()}, {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})");
Console.WriteLine($"runtime: {RuntimeInformation.FrameworkDescription}, {(IsOptimized() ? "Release" : "Debug")} build");

await Report("in memory", InMemoryInstances, () => (new InMemoryWorkflowStore(), null));
await Report("SQLite (temp file, WAL, synchronous=NORMAL)", SqliteInstances, () =>
{
    var database = new SqliteBenchmarkDatabase();
    var connection = database.Open();
    return (new SqlWorkflowStore(new WorkflowDbSession(connection)), () =>
    {
        connection.Dispose();
        database.Dispose();
    });
});

static async Task Report(string label, int instances, Func<(IWorkflowStore Store, Action? Cleanup)> create)
{
    var results = new List<double>();
    for (var run = 0; run <= MeasuredRuns; run++)
    {
        var (store, cleanup) = create();
        var perSecond = await new TransitionBenchmark(store, instances).RunAsync(CancellationToken.None);
        cleanup?.Invoke();
        if (run > 0)
        {
            results.Add(perSecond);
        }
    }
    results.Sort();
    Console.WriteLine(
        $"{label}: median {results[results.Count / 2]:N0} transitions/s over {MeasuredRuns} runs of {instances * 10:N0} transitions " +
        $"(min {results[0]:N0}, max {results[^1]:N0})");
}

static string CpuModel()
{
    const string cpuInfo = "/proc/cpuinfo";
    var model = File.Exists(cpuInfo)
        ? File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
        : null;
    return model ?? RuntimeInformation.ProcessArchitecture.ToString();
}

static bool IsOptimized() =>
    typeof(TransitionBenchmark).Assembly.GetCustomAttributes(typeof(System.Diagnostics.DebuggableAttribute), false)
        .OfType<System.Diagnostics.DebuggableAttribute>().All(a => !a.IsJITOptimizerDisabled);
