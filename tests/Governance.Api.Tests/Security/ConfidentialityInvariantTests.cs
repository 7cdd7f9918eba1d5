using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Governance.Api.Data;
using Governance.Api.Features.Notifications;
using Governance.Api.Tests.Infrastructure;
using Governance.Domain.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using static Governance.Api.Tests.Infrastructure.TenderApi;

namespace Governance.Api.Tests.Security;

/// <summary>
/// The confidentiality invariant, generated from the model: the first record of every type that can be marked is
/// marked exempt for the scrutiny committee, documents of every kind are generated from them, and notifications are
/// sent about them. Then, for each reader (every role, a councillor on no committee, a former and a future member,
/// the union and a bidder), every entity set in $metadata is read with all its navigations expanded, grouped by each
/// record it belongs to and counted, every bound function is called, every document they can list is downloaded and
/// read, and their notifications are read: nothing exempt, nor any commercially confidential tender record, nor any
/// text of one, may reach a reader who may not see it.
/// </summary>
public sealed class ConfidentialityInvariantTests(IsolatedSqliteApp app) : IClassFixture<IsolatedSqliteApp>
{
    private const int Committee = 1; // the Overview and Scrutiny Commission: councillor@demo.local chairs it

    /// <summary>Types whose text names business in public by law or is a reference (an agenda's items, a meeting's venue, who supplies a service).</summary>
    private static readonly string[] PublicText = ["AgendaItem", "Meeting", "Department", "Supplier"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NothingExemptOrConfidential_ReachesAReaderWhoMayNotSeeIt()
    {
        using var manager = await app.ClientForAsync("ContractManager");
        using var dso = await app.ClientForAsync("DemocraticServicesOfficer");
        // A report generated before the marking: the marking must reach it too.
        await OkPdfAsync(manager, "/odata/Contracts(1)/Governance.GenerateAssessment", new { Year = 2014 });
        await MarkFirstOfEveryTypeAsync(dso);
        // Reports generated after it, of every kind.
        await OkPdfAsync(manager, "/odata/Contracts(1)/Governance.GenerateAssessment", new { Year = 2015 });
        await OkPdfAsync(dso, "/odata/AgendaItems(2)/Governance.GeneratePaper", new { Part = "A" });
        await OkPdfAsync(dso, "/odata/AgendaItems(2)/Governance.GeneratePaper", new { Part = "B" });
        await OkPdfAsync(manager, "/odata/Escalations(1)/Governance.GenerateReport", null);
        // The meeting's pack (front sheet and every Part A), made by its job as the job server would.
        var meeting = (await dso.GetJsonAsync("/odata/AgendaItems(2)?$select=MeetingId")).GetProperty("MeetingId").GetInt32();
        using (var queued = await dso.PostJsonAsync($"/odata/Meetings({meeting})/Governance.GeneratePack", new { }))
        {
            Assert.Equal(System.Net.HttpStatusCode.Accepted, queued.StatusCode);
            var job = (await queued.JsonAsync()).GetProperty("Id").GetInt32();
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Governance.Api.Features.Documents.GeneratePackJob>().RunAsync(job, Ct);
        }
        await NotifyEveryRoleAboutAsync(("Contract", 1), ("Escalation", 2));
        var readers = await ReadersAsync(dso);

        Disclosure truth;
        await using (var scope = app.Services.CreateAsyncScope())
            truth = await Disclosure.ReadAsync(scope.ServiceProvider.GetRequiredService<GovernanceDbContext>(), Ct);
        foreach (var kind in Enum.GetValues<DocumentKind>())
            Assert.True(truth.Rows.Any(r => r.Entity is PublishedDocument d && d.Kind == kind), $"No {kind} was generated: the walk would not cover it.");

        using var anonymous = app.CreateClient();
        var edm = EdmWalk.Parse(await anonymous.GetStringAsync("/odata/$metadata", Ct));
        var leaks = new List<string>();
        var chairSaw = new HashSet<(string, long)>();
        foreach (var (reader, client) in readers)
        {
            using (client)
            {
                var walk = new ReaderWalk(edm, truth, reader, client, leaks);
                await walk.RunAsync();
                if (reader.Label == "committee chair")
                    chairSaw.UnionWith(walk.Seen);
            }
        }

        Assert.True(leaks.Count == 0, $"{leaks.Count} leaks:\n{string.Join("\n", leaks.Take(60))}");
        // The walk is not vacuous: the committee's chair reads the marked contract, a return derived from it, and a Part B.
        Assert.Contains(("Contract", 1L), chairSaw);
        Assert.Contains(chairSaw, s => s.Item1 == "Measurement" && truth.IsExempt(s));
        Assert.Contains(chairSaw, s => s.Item1 == "PublishedDocument" && truth.Find(s)?.Entity is PublishedDocument { Kind: DocumentKind.ExemptAppendix });
    }

    private async Task MarkFirstOfEveryTypeAsync(HttpClient dso)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
        var first = typeof(ConfidentialityInvariantTests).GetMethod(nameof(FirstIdAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        foreach (var type in db.Model.GetEntityTypes().Select(t => t.ClrType).Where(ExemptionScope.IsExemptable).OrderBy(t => t.Name))
        {
            if (await (Task<int?>)first.MakeGenericMethod(type).Invoke(null, [db])! is not { } id)
                continue;
            await CreatedAsync(dso, "/odata/ExemptionMarkings", new
            {
                EntityType = type.Name, EntityKey = id, Paragraph = 3, CommitteeId = Committee,
                PublicInterestTest = $"Invariant test: the first {type.Name} is exempt while the committee considers it.",
            });
        }
    }

    private static Task<int?> FirstIdAsync<T>(GovernanceDbContext db)
        where T : Domain.Common.Entity => db.Set<T>().IgnoreQueryFilters().OrderBy(e => e.Id).Select(e => (int?)e.Id).FirstOrDefaultAsync(Ct);

    private async Task NotifyEveryRoleAboutAsync(params (string Type, int Id)[] subjects)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<NotificationOutbox>();
        foreach (var subject in subjects)
        {
            foreach (var role in Governance.Api.Auth.Roles.All)
            {
                await outbox.AddAsync($"invariant:{subject.Type}:{subject.Id}:{role}", role, null, $"About {subject.Type} {subject.Id}",
                    $"Invariant test notification about {subject.Type} {subject.Id} for {role}.", $"/odata/{subject.Type}s({subject.Id})", subject, Ct);
            }
        }
        await scope.ServiceProvider.GetRequiredService<GovernanceDbContext>().SaveChangesAsync(Ct);
    }

    private async Task<List<(Reader, HttpClient)>> ReadersAsync(HttpClient dso)
    {
        var readers = new List<(Reader, HttpClient)>();
        foreach (var role in Governance.Api.Auth.Roles.All.Where(r => r != "Supplier"))
        {
            var email = $"{role.ToLowerInvariant()}@demo.local";
            var label = role == "Councillor" ? "committee chair" : role;
            readers.Add((new Reader(label, email, ExemptHidden: role == "UnionRepresentative"), await app.ClientForAsync(role)));
        }
        readers.Add((new Reader("bidder", "supplier@demo.local", ExemptHidden: true, SupplierId: 1), await app.ClientForAsync("Supplier")));
        readers.Add(await CouncillorAsync("councillor on no committee", null, null));
        readers.Add(await CouncillorAsync("former member", "2011-05-01", "2015-05-07"));
        readers.Add(await CouncillorAsync("future member", "2027-05-06", null));
        return readers;

        async Task<(Reader, HttpClient)> CouncillorAsync(string label, string? termStart, string? termEnd)
        {
            var (client, email) = await CouncillorAccounts.NewAsync(app, label);
            if (termStart is not null)
                await CreatedAsync(dso, "/odata/Members", new { CommitteeId = Committee, Name = label, Role = "Member", Email = email, TermStart = termStart, TermEnd = termEnd });
            return (new Reader(label, email, ExemptHidden: true), client);
        }
    }

    private static async Task OkPdfAsync(HttpClient client, string url, object? body)
    {
        using var response = await client.PostJsonAsync(url, body ?? new { });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }

    /// <summary>One reader's walk of the whole API, recording every leak it finds.</summary>
    private sealed class ReaderWalk(EdmWalk edm, Disclosure truth, Reader reader, HttpClient client, List<string> leaks)
    {
        private readonly List<string> tokens = Tokens(truth, reader);

        public HashSet<(string Type, long Id)> Seen { get; } = [];

        public async Task RunAsync()
        {
            foreach (var (set, type) in edm.Sets)
            {
                var expand = edm.ExpandAll(type);
                await ReadPagesAsync($"/odata/{set}{(expand.Length > 0 ? $"?$expand={expand}" : "")}", type);
                await GroupedAndCountedAsync(set, type);
            }
            foreach (var function in edm.Functions)
                await CallAsync(function);
        }

        private async Task ReadPagesAsync(string url, string type)
        {
            for (var next = url; next is not null;)
            {
                var body = await GetAsync(next);
                if (body is not { } json)
                    return;
                var found = new List<(string, long)>();
                edm.Collect(json.TryGetProperty("value", out var value) ? value : json, type, found);
                foreach (var record in found)
                {
                    Seen.Add(record);
                    if (truth.IsForbidden(record, reader))
                        leaks.Add($"{reader.Label} received {record.Item1}({record.Item2}) from {url}");
                }
                next = json.TryGetProperty("@odata.nextLink", out var link) ? new Uri(link.GetString()!).PathAndQuery : null;
            }
        }

        /// <summary>$apply and $count must not reveal a hidden record either: not its key in a group, not a row in a count.</summary>
        private async Task GroupedAndCountedAsync(string set, string type)
        {
            var rows = truth.Rows.Where(r => r.Type == type).ToList();
            if (rows.Count == 0)
                return;
            var visible = rows.Count(r => !truth.IsForbidden((r.Type, r.Id), reader));
            if (await GetRawAsync($"/odata/{set}/$count") is { } count && int.Parse(count, System.Globalization.CultureInfo.InvariantCulture) > visible)
                leaks.Add($"{reader.Label} counted {count} {set}, of which only {visible} may reach them");
            foreach (var owner in rows.SelectMany(r => r.Owners).Select(o => o.Type).Distinct())
            {
                var property = $"{owner}Id";
                if (rows[0].Entity.GetType().GetProperty(property) is null || await GetAsync($"/odata/{set}?$apply=groupby(({property}))") is not { } json)
                    continue;
                foreach (var group in json.GetProperty("value").EnumerateArray())
                {
                    if (group.TryGetProperty(property, out var key) && key.ValueKind == JsonValueKind.Number
                        && truth.IsForbidden((owner, key.GetInt64()), reader) && !rows.Any(r => !truth.IsForbidden((r.Type, r.Id), reader) && r.Owners.Contains((owner, key.GetInt64()))))
                        leaks.Add($"{reader.Label} saw {owner}({key}) as a group of {set}");
                }
            }
        }

        /// <summary>Each bound function on records the reader may not see answers no content; on those it may, nothing hidden in what it returns.</summary>
        private async Task CallAsync(EdmWalk.Function function)
        {
            var set = edm.Sets.First(s => s.Value == function.BindingType).Key;
            var arguments = function.Parameters.Count == 0 ? "()" : $"({string.Join(",", function.Parameters.Select(p => $"{p.Name}={Argument(p.Type)}"))})";
            if (function.BoundToCollection)
            {
                await GetAsync($"/odata/{set}/Governance.{function.Name}{arguments}");
                return;
            }
            var rows = truth.Rows.Where(r => r.Type == function.BindingType).ToList();
            foreach (var row in rows.Where(r => truth.IsForbidden((r.Type, r.Id), reader)).Take(3))
            {
                using var response = await client.GetAsync($"/odata/{set}({row.Id})/Governance.{function.Name}{arguments}", Ct);
                if (response.IsSuccessStatusCode)
                    leaks.Add($"{reader.Label} called {function.Name} on {row.Type}({row.Id}): {(int)response.StatusCode}");
            }
            foreach (var row in rows.Where(r => Seen.Contains((r.Type, r.Id))).Take(function.Name == "Download" ? 100 : 3))
                await GetAsync($"/odata/{set}({row.Id})/Governance.{function.Name}{arguments}");
        }

        private static string Argument(string type) => type switch
        {
            "Edm.Int32" => "2015",
            "Edm.String" => "'FinalTenders'",
            _ => throw new InvalidOperationException($"No argument for {type}: add one so the walk calls the function."),
        };

        private async Task<JsonElement?> GetAsync(string url)
        {
            using var response = await client.GetAsync(url, Ct);
            if (!Answered(url, response))
                return null;
            var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
            if (response.Content.Headers.ContentType?.MediaType == "application/pdf")
            {
                Scan(url, PdfWords(bytes));
                return null;
            }
            var json = JsonDocument.Parse(bytes).RootElement.Clone();
            var text = new StringBuilder();
            Strings(json, text);
            Scan(url, text.ToString());
            return json;
        }

        private async Task<string?> GetRawAsync(string url)
        {
            using var response = await client.GetAsync(url, Ct);
            return Answered(url, response) ? await response.Content.ReadAsStringAsync(Ct) : null;
        }

        private bool Answered(string url, HttpResponseMessage response)
        {
            if ((int)response.StatusCode >= 500)
                leaks.Add($"{reader.Label}: {url} answered {(int)response.StatusCode}");
            return response.IsSuccessStatusCode;
        }

        /// <summary>Text is compared without white space, so a PDF's line breaks do not hide a match.</summary>
        private void Scan(string url, string text)
        {
            var squeezed = Squeeze(text);
            foreach (var token in tokens.Where(t => squeezed.Contains(t, StringComparison.Ordinal)))
                leaks.Add($"{reader.Label} read hidden text \"{token}\" in {url}");
        }

        private static string PdfWords(byte[] pdf)
        {
            using var document = PdfDocument.Open(pdf);
            return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        }

        private static void Strings(JsonElement element, StringBuilder into)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    into.Append(element.GetString()).Append('\n');
                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                        Strings(item, into);
                    break;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                        Strings(property.Value, into);
                    break;
            }
        }

        private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

        /// <summary>
        /// The distinctive text of what this reader may not see (at least 20 characters, words, not an address), less any
        /// text that is also in something it may see, and for a bidder what it knows as a party (its procurements).
        /// </summary>
        private static List<string> Tokens(Disclosure truth, Reader reader)
        {
            static IEnumerable<string> Texts(Disclosure.Row row) => row.Entity.GetType().GetProperties()
                .Where(p => p.PropertyType == typeof(string)).Select(p => p.GetValue(row.Entity) as string).OfType<string>();
            var party = reader.SupplierId is { } supplier
                ? truth.Rows.Where(r => r.Entity is Domain.Tendering.Bidder b && b.SupplierId == supplier).Select(r => ((Domain.Tendering.Bidder)r.Entity).ProcurementId).ToHashSet()
                : [];
            var known = truth.Rows.Where(r => !truth.IsForbidden((r.Type, r.Id), reader) || PublicText.Contains(r.Type) || (r.Type == "Procurement" && party.Contains((int)r.Id)))
                .SelectMany(Texts).Select(Squeeze).ToHashSet(StringComparer.Ordinal);
            return truth.Rows.Where(r => truth.IsForbidden((r.Type, r.Id), reader) && !PublicText.Contains(r.Type)).SelectMany(Texts)
                .Where(t => t.Length >= 20 && t.Contains(' ', StringComparison.Ordinal) && !t.Contains('@', StringComparison.Ordinal))
                .Select(Squeeze).Where(t => !known.Any(k => k.Contains(t, StringComparison.Ordinal))).Distinct().ToList();
        }
    }
}
