using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Governance.Benchmarks.Harness;
using Governance.Reports.Layout;

namespace Governance.Benchmarks.Reports;

/// <summary>
/// Issue 7: a 40-page committee paper with 10 charts and a 1,000-row table, rendered by our layout layer on
/// PDFsharp, against Chromium's print-to-PDF of the same content as HTML (what a council would otherwise use),
/// in the same run. Then the same paper at four sizes, to show memory grows with the page, not the document.
/// </summary>
internal static partial class CommitteePaperBenchmark
{
    private const int Runs = 5;
    private const int ParagraphsPerSection = 2;

    public static async Task RunAsync(TextWriter output)
    {
        using var fonts = ReportFonts.Load();
        var renderer = new PdfRenderer(fonts);
        var document = BenchmarkPaper.Document(1_000, ParagraphsPerSection);
        var work = Directory.CreateTempSubdirectory("governance-pdf-bench-").FullName;
        try
        {
            var ours = await OursAsync(renderer, document, Path.Combine(work, "ours.pdf"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Committee paper, 10 charts, 1,000-row table: {ours.Pages} pages, {new FileInfo(Path.Combine(work, "ours.pdf")).Length / 1024} KB"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  Governance (PDFsharp): median {ours.Median.TotalMilliseconds:F0} ms = {ours.Pages / ours.Median.TotalSeconds:F1} pages/s, peak managed heap {Measure.Mb(ours.PeakHeap)}, peak process growth {Measure.Mb(ours.PeakRss)}"));

            var html = Path.Combine(work, "paper.html");
            await File.WriteAllTextAsync(html, BenchmarkPaper.Html(document));
            if (Chromium() is not { } chromium)
            {
                await output.WriteLineAsync("  Chromium: not installed (apt-get install chromium), so no ratio.");
            }
            else
            {
                var theirs = await ChromiumAsync(chromium, html, Path.Combine(work, "chromium.pdf"));
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  Chromium print-to-PDF:   median {theirs.Median.TotalMilliseconds:F0} ms = {theirs.Pages / theirs.Median.TotalSeconds:F1} pages/s ({theirs.Pages} pages), peak resident (all its processes) {Measure.Mb(theirs.PeakRss)}"));
                var speed = ours.Pages / ours.Median.TotalSeconds / (theirs.Pages / theirs.Median.TotalSeconds);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  ratio: {speed:F1}x the pages per second of Chromium (target at least 10x); memory {(double)theirs.PeakRss / Math.Max(1, ours.PeakRss):F1}x less than Chromium"));
            }

            await output.WriteLineAsync("  Memory by document size (rows of the register), rendered to a file:");
            foreach (var rows in new[] { 250, 1_000, 4_000, 16_000 })
            {
                var sized = BenchmarkPaper.Document(rows, ParagraphsPerSection);
                var result = await OursAsync(renderer, sized, Path.Combine(work, $"rows-{rows}.pdf"), runs: 1);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"    {rows,6:N0} rows: {result.Pages,4} pages, {result.Median.TotalMilliseconds,6:F0} ms, peak managed heap {Measure.Mb(result.PeakHeap),9} = {result.PeakHeap / 1024.0 / result.Pages,7:F1} KB/page"));
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private sealed record Result(int Pages, TimeSpan Median, long PeakHeap, long PeakRss);

    private static async Task<Result> OursAsync(PdfRenderer renderer, ReportDocument document, string path, int runs = Runs)
    {
        RenderTo(renderer, document, path); // warm-up: JIT and font caches
        var times = new List<TimeSpan>();
        var pages = 0;
        long peakHeap = 0, peakRss = 0;
        for (var i = 0; i < runs; i++)
        {
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var before = process.WorkingSet64;
            var rss = before;
            using var stop = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                using var self = Process.GetCurrentProcess();
                while (!stop.IsCancellationRequested)
                {
                    self.Refresh();
                    rss = Math.Max(rss, self.WorkingSet64);
                    await Task.Delay(5);
                }
            });
            var measured = await Measure.RunAsync(() =>
            {
                pages = RenderTo(renderer, document, path);
                return Task.CompletedTask;
            });
            await stop.CancelAsync();
            await sampler;
            times.Add(measured.Elapsed);
            peakHeap = Math.Max(peakHeap, measured.PeakHeapBytes);
            peakRss = Math.Max(peakRss, rss - before);
        }
        return new Result(pages, times.Order().ElementAt(times.Count / 2), peakHeap, peakRss);
    }

    private static int RenderTo(PdfRenderer renderer, ReportDocument document, string path)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        return renderer.Render(document, file).PageCount;
    }

    private static string? Chromium() =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);

    private static async Task<Result> ChromiumAsync(string chromium, string html, string pdf)
    {
        var times = new List<TimeSpan>();
        long peak = 0;
        for (var i = 0; i <= Runs; i++)
        {
            File.Delete(pdf);
            var start = new ProcessStartInfo(chromium)
            {
                ArgumentList = { "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", $"--print-to-pdf={pdf}", new Uri(html).AbsoluteUri },
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            var watch = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            while (!process.HasExited)
            {
                peak = Math.Max(peak, ProcessTree.ResidentBytes(process.Id));
                await Task.Delay(10);
            }
            await process.WaitForExitAsync();
            watch.Stop();
            if (!File.Exists(pdf))
                throw new InvalidOperationException($"Chromium wrote no PDF: {await errors}");
            if (i > 0)
                times.Add(watch.Elapsed); // the first run warms the disk cache, as our warm-up does
        }
        var pages = PagePattern().Count(await File.ReadAllTextAsync(pdf, System.Text.Encoding.Latin1));
        return new Result(pages, times.Order().ElementAt(times.Count / 2), 0, peak);
    }

    [GeneratedRegex(@"/Type\s*/Page(?![s\w])")]
    private static partial Regex PagePattern();
}
