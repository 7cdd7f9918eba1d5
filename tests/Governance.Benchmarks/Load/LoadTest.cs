using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Governance.Benchmarks.Load;

/// <summary>
/// Issue 8: 50 clients reading contract KPIs, ratings and papers while 5 record KPI returns, for a bounded time,
/// against the host running on 127.0.0.1 in its own process, on SQLite and on PostgreSQL: throughput, latency
/// percentiles, errors, the host's memory at the end, and cold start to the first successful request.
/// </summary>
internal static class LoadTest
{
    private const int Readers = 50;
    private const int Writers = 5;
    private const string Password = "Governance-Demo-2026!";

    /// <summary>The run stops at the time limit or at this many requests, whichever comes first.</summary>
    private static readonly int MaxRequests = int.Parse(Environment.GetEnvironmentVariable("LOAD_MAX_REQUESTS") ?? "250000", CultureInfo.InvariantCulture);

    public static async Task RunAsync(TextWriter output, IReadOnlyList<string> providers, TimeSpan duration)
    {
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Load: {Readers} readers (KPI returns, ratings, assessment, contracts with KPIs, a published paper) and {Writers} writers (KPI returns), {duration.TotalSeconds:F0} s or {MaxRequests:N0} requests, host on 127.0.0.1"));
        foreach (var provider in providers)
        {
            // Disposed in reverse order: the host stops before its database is removed.
            await using var database = await DatabaseAsync(provider);
            if (database is null)
            {
                await output.WriteLineAsync($"  {provider}: skipped, set GOVERNANCE_TEST_POSTGRES to a server's connection string to include it.");
                continue;
            }
            await using var host = HostProcess.Start(new Dictionary<string, string> { ["Database__Provider"] = database.Provider, ["Database__ConnectionString"] = database.ConnectionString });
            var cold = Stopwatch.StartNew();
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Readers + Writers + 4, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            {
                BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(30),
            };
            await WaitForFirstAsync(http, cold);
            var coldStart = cold.Elapsed;

            var reader = await TokenAsync(http, "councillor@demo.local");
            var writer = await TokenAsync(http, "contractmanager@demo.local");
            var paper = await PaperAsync(http, await TokenAsync(http, "democraticservicesofficer@demo.local"));
            var indicators = await IndicatorsAsync(http, writer);

            var results = new ConcurrentBag<(string Kind, double Ms, bool Ok)>();
            using var stop = new CancellationTokenSource(duration);
            using var capped = new Timer(_ => { if (results.Count >= MaxRequests) stop.Cancel(); }, null, 100, 100);
            var tasks = new List<Task>();
            for (var r = 0; r < Readers; r++)
                tasks.Add(ReadLoopAsync(http, reader, paper, r, results, stop.Token));
            for (var w = 0; w < Writers; w++)
                tasks.Add(WriteLoopAsync(http, writer, indicators.Where((_, i) => i % Writers == w).ToList(), results, stop.Token));
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(tasks);
            watch.Stop();

            var all = results.ToList();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {provider}: cold start to first successful request {coldStart.TotalSeconds:F1} s; {all.Count:N0} requests in {watch.Elapsed.TotalSeconds:F0} s = {all.Count / watch.Elapsed.TotalSeconds:F0}/s; errors {all.Count(x => !x.Ok)}; host resident memory at the end {host.ResidentBytes() / 1024.0 / 1024.0:F0} MB"));
            foreach (var group in all.GroupBy(x => x.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var ms = group.Select(x => x.Ms).Order().ToList();
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"    {group.Key,-12} {ms.Count,7:N0} req  p50 {P(ms, 0.50),7:F1} ms  p95 {P(ms, 0.95),7:F1} ms  p99 {P(ms, 0.99),7:F1} ms  errors {group.Count(x => !x.Ok)}"));
            }
            foreach (var (kind, body) in Failures)
                await output.WriteLineAsync($"    first failure of {kind}: {body[..Math.Min(300, body.Length)]}");
            Failures.Clear();
        }
    }

    /// <summary>The first response of each kind of failure, to print: an error is never just counted.</summary>
    private static readonly ConcurrentDictionary<string, string> Failures = new();

    private static double P(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>A new, empty database for one run, removed afterwards; null when PostgreSQL is asked for but not configured.</summary>
    private static async Task<Harness.ScratchDatabase?> DatabaseAsync(string provider)
    {
        if (provider == "sqlite")
            return Harness.ScratchDatabase.Sqlite("governance-load");
        var admin = Environment.GetEnvironmentVariable("GOVERNANCE_TEST_POSTGRES");
        return string.IsNullOrEmpty(admin) ? null : await Harness.ScratchDatabase.PostgresAsync(admin, "governance_load");
    }

    private static async Task WaitForFirstAsync(HttpClient http, Stopwatch cold)
    {
        while (cold.Elapsed < TimeSpan.FromMinutes(3))
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(25);
        }
        throw new TimeoutException("The host did not answer /health within three minutes.");
    }

    private static async Task<string> TokenAsync(HttpClient http, string email)
    {
        using var response = await http.PostAsJsonAsync(new Uri("/auth/login", UriKind.Relative), new { email, password = Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static async Task<int> PaperAsync(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/odata/AgendaItems(1)/Governance.GeneratePaper") { Content = JsonContent.Create(new { Part = "A" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return int.Parse(response.Headers.GetValues("X-Document-Id").Single(), CultureInfo.InvariantCulture);
    }

    private static async Task<List<int>> IndicatorsAsync(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/odata/Indicators?$filter=ContractId ne null and SupplierSelfReports eq false&$select=Id&$top=1000");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. body.GetProperty("value").EnumerateArray().Select(i => i.GetProperty("Id").GetInt32())];
    }

    private static readonly string[] Reads =
    [
        "/odata/Measurements?$filter=Indicator/ContractId eq 1&$orderby=PeriodStart desc&$top=50",
        "/odata/Contracts(1)/Governance.Ratings()",
        "/odata/Contracts(1)/Governance.AnnualAssessment(year=2015)",
        "/odata/Contracts?$expand=Indicators&$select=Reference,Title,Status",
    ];

    private static async Task ReadLoopAsync(HttpClient http, string token, int paper, int client, ConcurrentBag<(string, double, bool)> results, CancellationToken stop)
    {
        var i = client;
        while (!stop.IsCancellationRequested)
        {
            var which = i++ % (Reads.Length + 1);
            var (kind, url) = which == Reads.Length ? ("paper", $"/odata/PublishedDocuments({paper})/Governance.Download()") : (Kind(which), Reads[which]);
            results.Add(await TimedAsync(kind, http, new HttpRequestMessage(HttpMethod.Get, url), token));
        }

        static string Kind(int which) => which switch { 0 => "kpi-returns", 1 => "ratings", 2 => "assessment", _ => "contracts" };
    }

    /// <summary>Each writer records returns for its own indicators, month by month from 2017; past the present it corrects its latest ones.</summary>
    private static async Task WriteLoopAsync(HttpClient http, string token, List<int> indicators, ConcurrentBag<(string, double, bool)> results, CancellationToken stop)
    {
        var random = new Random(indicators.FirstOrDefault());
        var month = new DateOnly(2017, 1, 1);
        var latest = new List<int>();
        var slot = 0;
        var thisMonth = DateOnly.FromDateTime(DateTime.UtcNow);
        while (!stop.IsCancellationRequested && indicators.Count > 0)
        {
            HttpRequestMessage request;
            if (month <= thisMonth)
            {
                var indicator = indicators[slot % indicators.Count];
                request = new HttpRequestMessage(HttpMethod.Post, "/odata/Measurements")
                {
                    // Pascal-case names, as the EDM spells them (action parameters are matched by exact name).
                    Content = JsonContent.Create(new Dictionary<string, object>
                    {
                        ["IndicatorId"] = indicator, ["PeriodStart"] = month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Value"] = 80 + random.Next(20),
                    }),
                };
                if (++slot % indicators.Count == 0)
                    month = month.AddMonths(1);
            }
            else
            {
                var id = latest[random.Next(latest.Count)];
                request = new HttpRequestMessage(HttpMethod.Post, $"/odata/Measurements({id})/Governance.Correct") { Content = JsonContent.Create(new Dictionary<string, object> { ["Value"] = 80 + random.Next(20), ["Note"] = "load test correction" }) };
            }
            var (kind, ms, ok, created) = await TimedWriteAsync(http, request, token);
            results.Add((kind, ms, ok));
            if (created is { } newId)
            {
                if (request.RequestUri!.OriginalString.Contains("Correct", StringComparison.Ordinal))
                    latest.Remove(int.Parse(request.RequestUri.OriginalString.Split('(', ')')[1], CultureInfo.InvariantCulture));
                latest.Add(newId);
            }
        }
    }

    private static async Task<(string, double, bool)> TimedAsync(string kind, HttpClient http, HttpRequestMessage request, string token)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            if (!response.IsSuccessStatusCode)
                Failures.TryAdd($"{kind} {(int)response.StatusCode}", await response.Content.ReadAsStringAsync());
            return (kind, watch.Elapsed.TotalMilliseconds, response.IsSuccessStatusCode);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (kind, watch.Elapsed.TotalMilliseconds, false);
        }
        finally
        {
            request.Dispose();
        }
    }

    private static async Task<(string Kind, double Ms, bool Ok, int? Created)> TimedWriteAsync(HttpClient http, HttpRequestMessage request, string token)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var kind = request.RequestUri!.OriginalString.Contains("Correct", StringComparison.Ordinal) ? "correction" : "new-return";
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            var elapsed = watch.Elapsed.TotalMilliseconds;
            // A return already in the seed for that month is refused with 409 by design: the writer moves on; not an error of the host.
            if (response.StatusCode == System.Net.HttpStatusCode.Conflict && kind == "new-return")
                return ("new-return", elapsed, true, null);
            if (!response.IsSuccessStatusCode)
                Failures.TryAdd($"{kind} {(int)response.StatusCode}", System.Text.Encoding.UTF8.GetString(body));
            int? id = response.IsSuccessStatusCode ? JsonDocument.Parse(body).RootElement.GetProperty("Id").GetInt32() : null;
            return (kind, elapsed, response.IsSuccessStatusCode, id);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (kind, watch.Elapsed.TotalMilliseconds, false, null);
        }
    }
}
