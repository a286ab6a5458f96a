using System.Globalization;

namespace Vorlagen.Benchmarks.Api;

/// <summary>Per-round results of every figure; printed as min / median / max over the rounds with a ratio to a floor.</summary>
internal sealed class Figures
{
    private readonly Dictionary<string, List<double>> _values = [];
    private readonly List<string> _order = [];
    private readonly HashSet<string> _timedOut = [];

    public void MarkTimedOut(string name) => _timedOut.Add(name);
    public bool TimedOut(string name) => _timedOut.Contains(name);

    public void Add(string name, double value)
    {
        if (!_values.TryGetValue(name, out var list))
        {
            _values[name] = list = [];
            _order.Add(name);
        }
        list.Add(value);
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public IEnumerable<string> Names() => _order;

    public double Median(string name)
    {
        var sorted = _values[name].Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>"min / median / max" of one figure.</summary>
    public string Spread(string name, string format = "0.0")
    {
        var list = _values[name];
        if (_timedOut.Contains(name)) return $"≥ {Format(list.Max(), format)} (timeout)";
        return $"{Format(list.Min(), format)} / {Format(Median(name), format)} / {Format(list.Max(), format)}";
    }

    public int Rounds(string name) => _values[name].Count;

    public static string Format(double value, string format) => value.ToString(value >= 10_000 ? "N0" : format, CultureInfo.InvariantCulture);

    /// <summary>Percentile of a sample (nearest rank).</summary>
    public static double Percentile(List<double> sample, double p)
    {
        var sorted = sample.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
