using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Governance.Api.Data;
using Governance.Api.Data.Generation;
using Governance.Api.Features.Documents;
using Governance.Benchmarks.Harness;
using Governance.Reports.Documents;
using Governance.Reports.Html;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Benchmarks.Portal;

/// <summary>
/// Issue 20: the portal's meeting page and HTML paper at a data scale (default L), each request a different meeting or
/// agenda item drawn from a seeded generator, as a visitor asks for them over HTTP (routing, the exemption filter,
/// Razor, the layout). Baselines in the same run: the same data read with EF and written as plain HTML with a
/// StringBuilder (the meeting), and the paper model read by the same loader and written by the HTML writer, both
/// in-process without a page framework. Targets: each page under 50 ms, within 2x of its baseline.
/// </summary>
internal static class PortalPagesBenchmark
{
    private const int Rounds = 21;
    private const int PerRound = 10;

    public static async Task RunAsync(TextWriter output, string scaleName)
    {
        var scale = DataScale.Parse(scaleName);
        // The baseline over the same HTTP: the same reads and a StringBuilder, answered before the host's middleware.
        BenchmarkHost? self = null;
        await using var host = BenchmarkHost.Start(seed: true, prepend: app => app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/plain/meetings", out var rest) && int.TryParse(rest.Value?.Trim('/'), out var id))
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(await PlainMeetingAsync(self!, id));
                return;
            }
            await next();
        }));
        self = host;
        var generated = Stopwatch.StartNew();
        List<int> meetings;
        List<int> items;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DataGenerator>().GenerateAsync(scale, 42, CancellationToken.None);
            var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
            meetings = await db.Meetings.Where(m => m.Committee!.Name.StartsWith($"GEN{scale.Name}42")).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync();
            items = await db.AgendaItems.Where(a => meetings.Contains(a.MeetingId)).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
        }
        generated.Stop();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Portal pages at {scale.Name}: {meetings.Count:N0} meetings, {items.Count:N0} agenda items with contract papers (generated in {generated.Elapsed.TotalSeconds:F0} s); anonymous visitor, a new meeting or item each request (seed 42)"));

        using var client = host.CreateClient();
        // The page and its baseline show the same agenda, before anything is timed.
        foreach (var id in meetings.Take(5))
        {
            var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/meetings/{id}"));
            var plain = WebUtility.HtmlDecode(await PlainMeetingAsync(host, id));
            foreach (var title in TitlesIn(plain))
            {
                if (!page.Contains(title, StringComparison.Ordinal))
                    throw new InvalidOperationException($"Meeting {id}: the page lacks \"{title}\" that the baseline shows.");
            }
        }

        var meetingIds = new Draw(meetings);
        var plainMeetingIds = new Draw(meetings);
        var httpMeetingIds = new Draw(meetings);
        var floorIds = new Draw(meetings);
        var paperIds = new Draw(items);
        var plainPaperIds = new Draw(items);
        var rotated = await Measure.RotateAsync(Rounds, PerRound,
        [
            async () => await GetAsync(client, $"/meetings/{meetingIds.Next()}"),
            async () => await PlainMeetingAsync(host, plainMeetingIds.Next()),
            async () => await GetAsync(client, $"/papers/{paperIds.Next()}"),
            async () => await PlainPaperAsync(host, plainPaperIds.Next()),
            async () => await GetAsync(client, $"/plain/meetings/{httpMeetingIds.Next()}"),
            // The host's floor for a page: a meeting that does not exist (middleware, routing, the page's first query, a 404).
            async () => await GetAsync(client, $"/meetings/{-floorIds.Next()}", HttpStatusCode.NotFound),
        ]);
        await output.WriteLineAsync("page | ms/request (median of rounds) | against its baseline (ratio of medians)");
        await Line(output, "meeting page (portal, HTTP)", rotated, 0, 4);
        await Line(output, "meeting: HTTP + EF + StringBuilder", rotated, 4, null);
        await Line(output, "host floor: a missing meeting", rotated, 5, 4);
        await Line(output, "meeting page against in-process", rotated, 0, 1);
        await Line(output, "meeting: EF + StringBuilder", rotated, 1, null);
        await Line(output, "HTML paper (portal, HTTP)", rotated, 2, 3);
        await Line(output, "paper: loader + HTML writer", rotated, 3, null);
        await output.WriteLineAsync($"  {Rounds} rounds of {PerRound} requests per path, taken in turn; {meetingIds.Distinct:N0} distinct meetings, {paperIds.Distinct:N0} distinct papers. Targets: each page < 50 ms and <= 2x its baseline.");
    }

    private static async Task Line(TextWriter output, string name, Measure.Rotated rotated, int path, int? baseline)
    {
        var vs = baseline is { } b ? string.Create(CultureInfo.InvariantCulture, $"{rotated.MedianMs[path] / rotated.MedianMs[b]:F2}x") : "baseline";
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{name,-30} | {rotated.MedianMs[path],7:F2} | {vs}"));
    }

    private static async Task<int> GetAsync(HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        if (response.StatusCode != expected)
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}, not {(int)expected}.");
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    /// <summary>The meeting's agenda by hand: the same three reads, written with a StringBuilder and HTML encoding.</summary>
    private static async Task<string> PlainMeetingAsync(BenchmarkHost host, int id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.Id, Committee = m.Committee!.Name, m.StartsAt, m.Venue }).SingleAsync();
        var items = await db.AgendaItems.AsNoTracking().Where(a => a.MeetingId == id).OrderBy(a => a.Number).ToListAsync();
        var ids = items.Select(i => i.Id).ToList();
        var decisions = (await db.Decisions.AsNoTracking().Where(d => ids.Contains(d.AgendaItemId)).ToListAsync()).ToLookup(d => d.AgendaItemId);
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"en-GB\"><head><title>");
        html.Append(WebUtility.HtmlEncode(meeting.Committee)).Append("</title></head><body><h1>").Append(meeting.StartsAt.ToString("f", CultureInfo.GetCultureInfo("en-GB"))).Append("</h1><p>")
            .Append(WebUtility.HtmlEncode(meeting.Venue)).Append("</p>");
        foreach (var item in items)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h3>{item.Number}. {WebUtility.HtmlEncode(item.Title)}</h3><dl><dt>Lead officer</dt><dd>{WebUtility.HtmlEncode(item.LeadOfficer)}</dd></dl>");
            html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"/papers/{item.Id}\">Read the paper</a></p><p>{WebUtility.HtmlEncode(item.Recommendations)}</p>");
            foreach (var decision in decisions[item.Id])
                html.Append(CultureInfo.InvariantCulture, $"<p>{WebUtility.HtmlEncode(decision.Outcome)} ({decision.VotesFor} for, {decision.VotesAgainst} against)</p>");
        }
        return html.Append("</body></html>").ToString();
    }

    /// <summary>The paper without the portal: the loader's reads and the HTML writer, no page framework, no HTTP.</summary>
    private static async Task<string> PlainPaperAsync(BenchmarkHost host, int id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var data = await scope.ServiceProvider.GetRequiredService<PaperDataLoader>().CommitteePaperAsync(id, CancellationToken.None)
            ?? throw new InvalidOperationException($"Agenda item {id} has no paper.");
        return HtmlPaperWriter.Write(CommitteePaper.Build(data, PaperPart.A, DateTimeOffset.UnixEpoch));
    }

    private static IEnumerable<string> TitlesIn(string html) =>
        html.Split("<h3>").Skip(1).Select(h => h[(h.IndexOf(". ", StringComparison.Ordinal) + 2)..h.IndexOf("</h3>", StringComparison.Ordinal)]);

    /// <summary>A seeded sequence of ids; each path draws its own copy, so all see the same requests.</summary>
    private sealed class Draw(List<int> ids)
    {
        private readonly Random random = new(42);
        private readonly HashSet<int> seen = [];

        public int Distinct => seen.Count;

        public int Next()
        {
            var id = ids[random.Next(ids.Count)];
            seen.Add(id);
            return id;
        }
    }
}
