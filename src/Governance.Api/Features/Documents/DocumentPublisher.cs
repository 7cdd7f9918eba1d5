using System.Security.Cryptography;
using Governance.Api.Data;
using Governance.Domain.Documents;
using Governance.Domain.Scrutiny;
using Governance.Reports.Documents;
using Governance.Reports.Layout;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Documents;

/// <summary>What to publish: the rendered document and how it is filed.</summary>
public sealed record Publication(DocumentKind Kind, string SubjectType, int SubjectId, ReportDocument Document, string FileStem);

/// <summary>
/// Renders a document and files it as a new immutable version with its SHA-256, never over an earlier one; the same
/// bytes as the latest version are that version. An exempt appendix is itself marked exempt, so the same filter that
/// hides exempt records hides it.
/// </summary>
public sealed class DocumentPublisher(GovernanceDbContext db, PdfRenderer renderer, TimeProvider time)
{
    private static readonly string[] Exempt = [ExemptionFilter.Name];

    /// <summary>Adds the document to the context without saving: for callers inside a larger command (a workflow step).</summary>
    public async Task<(PublishedDocument Document, byte[] Bytes)> StageAsync(Publication publication, string publishedBy, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var result = renderer.Render(publication.Document, buffer);
        var bytes = buffer.ToArray();
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var latest = await db.PublishedDocuments.IgnoreQueryFilters(Exempt)
            .Where(d => d.SubjectType == publication.SubjectType && d.SubjectId == publication.SubjectId && d.Kind == publication.Kind)
            .OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct);
        // The same bytes again (a pack regenerated with nothing changed) are the same version: no copy, no new number.
        if (latest?.Sha256 == sha256)
            return (latest, bytes);
        var version = 1 + (latest?.Version ?? 0);
        var document = new PublishedDocument
        {
            Kind = publication.Kind,
            SubjectType = publication.SubjectType,
            SubjectId = publication.SubjectId,
            Version = version,
            Title = Truncate(publication.Document.Info.Title, 300),
            FileName = $"{publication.FileStem}-v{version}.pdf",
            Sha256 = sha256,
            SizeBytes = bytes.Length,
            PageCount = result.PageCount,
            PublishedAt = time.GetUtcNow().UtcDateTime,
            PublishedBy = publishedBy,
        };
        db.PublishedDocuments.Add(document);
        db.PublishedDocumentContents.Add(new PublishedDocumentContent { Document = document, Bytes = bytes });
        return (document, bytes);
    }

    /// <summary>Publishes in one transaction; an exempt appendix gets its marking for the committee in the same one.</summary>
    public async Task<(PublishedDocument Document, byte[] Bytes)> PublishAsync(
        Publication publication, string publishedBy, IReadOnlyList<Exemption> exemptions, int committeeId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginUnlessInOneAsync(ct);
        var (document, bytes) = await StageAsync(publication, publishedBy, ct);
        if (publication.Kind == DocumentKind.ExemptAppendix && db.Entry(document).State == EntityState.Added)
        {
            document.ExemptParagraphs = string.Join(", ", exemptions.Select(e => e.Paragraph).Distinct());
            await db.SaveChangesAsync(ct); // the marking names the document by its key
            db.ExemptionMarkings.Add(new ExemptionMarking
            {
                EntityType = nameof(PublishedDocument), EntityKey = document.Id, Paragraph = exemptions[0].Paragraph, CommitteeId = committeeId,
                PublicInterestTest = Truncate(string.Join(" ", exemptions.Select(e => $"Paragraph {e.Paragraph}: {e.PublicInterestTest}")), 4000),
                MarkedBy = publishedBy, MarkedAt = document.PublishedAt,
            });
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitIfOwnAsync(ct);
        return (document, bytes);
    }

    /// <summary>
    /// A document generated from an exempt record is itself exempt: it takes the paragraph and committee of the first
    /// marking on any of its sources (the contract, the escalation), in the caller's unit of work.
    /// </summary>
    public async Task InheritExemptionAsync(PublishedDocument document, IReadOnlyList<(string Type, int Key)> sources, string by, CancellationToken ct)
    {
        var types = sources.Select(s => s.Type).Distinct().ToList();
        var candidates = await db.ExemptionMarkings.Where(m => types.Contains(m.EntityType)).ToListAsync(ct);
        if (candidates.FirstOrDefault(m => sources.Contains((m.EntityType, m.EntityKey))) is not { } source)
            return;
        if (document.Id != 0 && await db.ExemptionMarkings.IgnoreQueryFilters().AnyAsync(m => m.EntityType == nameof(PublishedDocument) && m.EntityKey == document.Id, ct))
            return; // an unchanged document already published, and marked then
        await db.SaveChangesAsync(ct); // the marking names the document by its key
        document.ExemptParagraphs = $"{source.Paragraph}";
        db.ExemptionMarkings.Add(new ExemptionMarking
        {
            EntityType = nameof(PublishedDocument), EntityKey = document.Id, Paragraph = source.Paragraph, CommitteeId = source.CommitteeId,
            PublicInterestTest = Truncate($"Generated from {source.EntityType} {source.EntityKey}, which is exempt: {source.PublicInterestTest}", 4000),
            MarkedBy = by, MarkedAt = document.PublishedAt,
        });
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "\u2026";
}
