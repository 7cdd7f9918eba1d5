using Governance.Api.Data;
using Governance.Domain.Documents;
using Governance.Domain.Scrutiny;
using Governance.Reports.Documents;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Documents;

/// <summary>Publishes an agenda item's paper: Part A for everyone, Part B only when something in it is exempt.</summary>
public sealed class CommitteePapers(GovernanceDbContext db, PaperDataLoader loader, DocumentPublisher publisher, TimeProvider time)
{
    public sealed record Outcome(PublishedDocument Document, byte[] Bytes);

    /// <returns>Null when the agenda item does not exist.</returns>
    /// <exception cref="Domain.Common.BusinessRuleException">Part B was asked for and nothing in the paper is exempt.</exception>
    public async Task<Outcome?> PublishAsync(int agendaItemId, PaperPart part, string publishedBy, CancellationToken ct)
    {
        var data = await loader.CommitteePaperAsync(agendaItemId, ct);
        if (data is null)
            return null;
        var exemptions = CommitteePaper.Exemptions(data);
        if (part == PaperPart.B && exemptions.Count == 0)
            throw new Domain.Common.BusinessRuleException("no-exempt-information", "Nothing in this paper is marked exempt, so it has no Part B appendix.");
        return await PublishAsync(await FilingAsync(agendaItemId, ct), data, exemptions, part, publishedBy, ct);
    }

    /// <summary>A pack's item: Part A, and Part B when something is exempt, from one reading of the data.</summary>
    /// <returns>The documents published (or already published, unchanged).</returns>
    public async Task<List<PublishedDocument>> PublishPackItemAsync(int agendaItemId, string publishedBy, CancellationToken ct)
    {
        var data = await loader.CommitteePaperAsync(agendaItemId, ct) ?? throw new InvalidOperationException($"AgendaItem {agendaItemId} does not exist.");
        var exemptions = CommitteePaper.Exemptions(data);
        var filing = await FilingAsync(agendaItemId, ct);
        var published = new List<PublishedDocument> { (await PublishAsync(filing, data, exemptions, PaperPart.A, publishedBy, ct)).Document };
        if (exemptions.Count > 0)
            published.Add((await PublishAsync(filing, data, exemptions, PaperPart.B, publishedBy, ct)).Document);
        return published;
    }

    /// <summary>
    /// The meeting's public pack as one PDF: the agenda front sheet, then each published item's Part A as it was
    /// published (dated by its first publication). Exempt appendices are named on the front sheet, never included.
    /// </summary>
    public async Task<Outcome> PublishPackAsync(int meetingId, string publishedBy, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Committee).SingleAsync(m => m.Id == meetingId, ct);
        var items = await db.AgendaItems.IgnoreQueryFilters([ExemptionFilter.Name]).AsNoTracking().Where(a => a.MeetingId == meetingId)
            .OrderBy(a => a.Number).ThenBy(a => a.Id).ToListAsync(ct);
        var packed = new List<PackItem>();
        foreach (var item in items)
        {
            var data = await loader.CommitteePaperAsync(item.Id, ct);
            var exempt = data is null ? [] : CommitteePaper.Exemptions(data).Select(e => e.Paragraph).Distinct().ToList();
            var partA = data is not null && item.PaperPublishedAt is { } first ? CommitteePaper.Build(data, PaperPart.A, new DateTimeOffset(first, TimeSpan.Zero)) : null;
            // A wholly exempt item is listed by number only: even its title may be the exempt information.
            var title = data?.ItemExemption is null ? item.Title : "Exempt item";
            packed.Add(new PackItem(item.Number, title, item.LeadOfficer, exempt, partA));
        }
        var startsLocal = TimeZoneInfo.ConvertTimeFromUtc(meeting.StartsAt, Domain.Calendar.LondonTime.Zone);
        var pack = new PackData(meeting.Committee?.Name ?? "", DateOnly.FromDateTime(startsLocal),
            startsLocal.ToString("h:mm tt", System.Globalization.CultureInfo.GetCultureInfo("en-GB")).ToLowerInvariant(), meeting.Venue, packed);
        // Dated by the earliest paper in it, so that a pack rebuilt from unchanged papers is the same file.
        var dated = items.Where(i => i.PaperPublishedAt is not null).Select(i => i.PaperPublishedAt!.Value).DefaultIfEmpty(time.GetUtcNow().UtcDateTime).Min();
        var document = MeetingPack.Build(pack, new DateTimeOffset(dated, TimeSpan.Zero));
        var stem = $"{pack.MeetingDate:yyyy-MM-dd}-{Slug(pack.Committee)}-agenda-pack";
        var (published, bytes) = await publisher.PublishAsync(new Publication(DocumentKind.MeetingPack, nameof(Meeting), meetingId, document, stem), publishedBy, [], meeting.CommitteeId, ct);
        return new Outcome(published, bytes);
    }

    /// <summary>The agenda item a paper is filed against (tracked, to mark it published) and its committee.</summary>
    private async Task<(AgendaItem Item, int CommitteeId)> FilingAsync(int agendaItemId, CancellationToken ct)
    {
        var item = await db.AgendaItems.IgnoreQueryFilters([ExemptionFilter.Name]).SingleAsync(a => a.Id == agendaItemId, ct);
        var committeeId = await db.Meetings.IgnoreQueryFilters([ExemptionFilter.Name]).Where(m => m.Id == item.MeetingId).Select(m => m.CommitteeId).SingleAsync(ct);
        return (item, committeeId);
    }

    private async Task<Outcome> PublishAsync(
        (AgendaItem Item, int CommitteeId) filing, CommitteePaperData data, IReadOnlyList<Exemption> exemptions, PaperPart part, string publishedBy, CancellationToken ct)
    {
        var (item, committeeId) = filing;
        var now = time.GetUtcNow();
        if (part == PaperPart.A)
            item.MarkPaperPublished(now.UtcDateTime);

        // Dated by the paper's first publication, not by this run: regenerated with nothing changed, it is the same file.
        var document = CommitteePaper.Build(data, part, item.PaperPublishedAt is { } first ? new DateTimeOffset(first, TimeSpan.Zero) : now);
        var stem = $"{data.Header.MeetingDate:yyyy-MM-dd}-item-{data.Header.AgendaNumber}-{Slug(data.Header.Subject)}-part-{part.ToString().ToLowerInvariant()}";
        var kind = part == PaperPart.A ? DocumentKind.CommitteePaper : DocumentKind.ExemptAppendix;
        var (published, bytes) = await publisher.PublishAsync(new Publication(kind, nameof(AgendaItem), item.Id, document, stem), publishedBy, exemptions, committeeId, ct);
        return new Outcome(published, bytes);
    }

    internal static string Slug(string text)
    {
        var slug = new string([.. text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
        while (slug.Contains("--", StringComparison.Ordinal))
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        slug = slug.Trim('-');
        return slug.Length > 60 ? slug[..60].TrimEnd('-') : slug;
    }
}
