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

    public static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:F1} MB";
}
