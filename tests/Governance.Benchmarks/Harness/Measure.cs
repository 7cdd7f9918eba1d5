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
    public sealed record Paired(double MedianMs, double BaselineMedianMs, double MedianRatio, double LowerQuartileRatio, double UpperQuartileRatio, int WarmUps);

    /// <summary>
    /// Times a path against its baseline in alternating rounds of <paramref name="perRound"/> runs each, once both
    /// have reached their steady speed (<see cref="WarmUpAsync"/>). This machine's speed drifts by tens of percent
    /// over seconds. Alternating puts both sides of each ratio in the same stretch of time, and the median of the
    /// rounds' ratios is what is reported, with its quartiles. Short rounds keep each pair within a fraction of a
    /// second; many of them keep the median steady.
    /// </summary>
    public static async Task<Paired> AlternateAsync(int rounds, int perRound, Func<Task> measured, Func<Task> baseline)
    {
        var warmUps = await WarmUpAsync(WarmUpBlock, measured, baseline);
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

        return new Paired(Median(times), Median(baselineTimes), Median(ratios), Quantile(ratios, 0.25), Quantile(ratios, 0.75), warmUps);
    }

    /// <summary>Per-run times of several paths timed in turn, and each one's ratio to the first, per round.</summary>
    public sealed record Rotated(double[] MedianMs, double[] MedianRatios, double[] LowerQuartileRatios, double[] UpperQuartileRatios);

    /// <summary>
    /// Times warmed-up paths in rounds of <paramref name="perRound"/> runs each, every round taking them all in turn
    /// (starting from a different one each round), so that a comparison between them is not a comparison between
    /// moments. Ratios are to the first path, per round.
    /// </summary>
    public static async Task<Rotated> RotateAsync(int rounds, int perRound, IReadOnlyList<Func<Task>> paths)
    {
        foreach (var path in paths)
            await RepeatAsync(0, WarmUpBlock, path);
        var times = paths.Select(_ => new List<double>(rounds)).ToArray();
        var ratios = paths.Select(_ => new List<double>(rounds)).ToArray();
        var round = new double[paths.Count];
        for (var r = 0; r < rounds; r++)
        {
            for (var k = 0; k < paths.Count; k++)
            {
                var i = (r + k) % paths.Count;
                round[i] = (await RepeatAsync(0, perRound, paths[i])).TotalMilliseconds / perRound;
            }

            for (var i = 0; i < paths.Count; i++)
            {
                times[i].Add(round[i]);
                ratios[i].Add(round[i] / round[0]);
            }
        }

        return new Rotated([.. times.Select(Median)], [.. ratios.Select(Median)], [.. ratios.Select(x => Quantile(x, 0.25))], [.. ratios.Select(x => Quantile(x, 0.75))]);
    }

    /// <summary>
    /// Runs both sides in blocks, at least <see cref="MinimumWarmUps"/> runs of each and then until neither has got
    /// faster for <see cref="SteadyBlocks"/> blocks in a row, and says how many runs of each that took. The runtime
    /// recompiles hot code with what it has seen (tiered compilation and dynamic PGO) over the first thousand or so
    /// requests, and the 100 warm-ups used before measured a host still three times slower than its steady state
    /// (docs/performance.md). A server runs for days: its steady speed is the one to compare.
    /// </summary>
    public static async Task<int> WarmUpAsync(int perBlock, Func<Task> measured, Func<Task> baseline)
    {
        var best = (Measured: double.MaxValue, Baseline: double.MaxValue);
        var calm = 0;
        var blocks = 0;
        var limit = Stopwatch.StartNew();
        while ((calm < SteadyBlocks || blocks * perBlock < MinimumWarmUps) && limit.Elapsed < WarmUpLimit)
        {
            var ours = (await RepeatAsync(0, perBlock, measured)).TotalMilliseconds;
            var theirs = (await RepeatAsync(0, perBlock, baseline)).TotalMilliseconds;
            blocks++;
            var faster = ours < best.Measured * Improvement || theirs < best.Baseline * Improvement;
            best = (Math.Min(best.Measured, ours), Math.Min(best.Baseline, theirs));
            calm = faster ? 0 : calm + 1;
        }

        return blocks * perBlock;
    }

    private const int WarmUpBlock = 100;
    private const int SteadyBlocks = 5;
    private const int MinimumWarmUps = 2_000;
    private const double Improvement = 0.97;
    private static readonly TimeSpan WarmUpLimit = TimeSpan.FromSeconds(90);

    private static double Median(List<double> values) => Quantile(values, 0.5);

    /// <summary>The value a fraction <paramref name="q"/> of the way through the sorted values, interpolating between neighbours.</summary>
    private static double Quantile(List<double> values, double q)
    {
        var sorted = values.Order().ToList();
        var position = q * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }

    public static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:F1} MB";
}
