using System.Diagnostics;

namespace Governance.Benchmarks.Harness;

/// <summary>Wall time and the peak of the managed heap above where it started, sampled while the work runs.</summary>
internal static class Measure
{
    public sealed record Result(TimeSpan Elapsed, long PeakHeapBytes);

    public static async Task<Result> RunAsync(Func<Task> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: false);
        var peak = baseline;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(5);
            }
        });
        var watch = Stopwatch.StartNew();
        await work();
        watch.Stop();
        peak = Math.Max(peak, GC.GetTotalMemory(false));
        await stop.CancelAsync();
        await sampler;
        return new Result(watch.Elapsed, Math.Max(0, peak - baseline));
    }

    /// <summary>Wall time of <paramref name="times"/> runs, after <paramref name="warmUps"/> unmeasured ones (JIT, query and connection caches).</summary>
    public static async Task<TimeSpan> RepeatAsync(int warmUps, int times, Func<Task> once)
    {
        for (var i = 0; i < warmUps; i++)
            await once();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < times; i++)
            await once();
        return watch.Elapsed;
    }

    /// <summary>Per-request times of a measured path and its baseline, and their ratio per round.</summary>
    public sealed record Paired(double MedianMs, double BaselineMedianMs, double MedianRatio, double MinRatio, double MaxRatio);

    /// <summary>
    /// Times a path against its baseline in alternating rounds of <paramref name="perRound"/> runs each, after
    /// <paramref name="warmUps"/> unmeasured runs of both. This machine's speed drifts by tens of percent over
    /// seconds. Alternating puts both sides of each ratio in the same stretch of time, and the median of the rounds'
    /// ratios is what is reported, with its range.
    /// </summary>
    public static async Task<Paired> AlternateAsync(int warmUps, int rounds, int perRound, Func<Task> measured, Func<Task> baseline)
    {
        for (var i = 0; i < warmUps; i++)
        {
            await measured();
            await baseline();
        }

        var times = new List<double>(rounds);
        var baselineTimes = new List<double>(rounds);
        var ratios = new List<double>(rounds);
        for (var round = 0; round < rounds; round++)
        {
            var ours = await RepeatAsync(0, perRound, measured);
            var theirs = await RepeatAsync(0, perRound, baseline);
            times.Add(ours.TotalMilliseconds / perRound);
            baselineTimes.Add(theirs.TotalMilliseconds / perRound);
            ratios.Add(ours / theirs);
        }

        return new Paired(Median(times), Median(baselineTimes), Median(ratios), ratios.Min(), ratios.Max());
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:F1} MB";
}
