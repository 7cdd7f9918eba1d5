using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Documents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Formatter;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Documents;

/// <summary>
/// Published PDFs: read-only, every version kept. An exempt appendix carries an exemption marking, so the
/// exemption filter hides its row (and so its download) from anyone outside its committee.
/// </summary>
public sealed class PublishedDocumentsController(GovernanceDbContext db) : QueryableEntitySetController<PublishedDocument>(db)
{
    /// <summary>GET /odata/PublishedDocuments(1)/Governance.Download() — the PDF exactly as published.</summary>
    [HttpGet]
    public async Task<IActionResult> Download([FromODataUri] int key, CancellationToken ct)
    {
        var document = await ReadableRows().SingleOrDefaultAsync(d => d.Id == key, ct);
        if (document is null)
            return ODataErrors.Error(StatusCodes.Status404NotFound, "NotFound", $"PublishedDocument {key} does not exist.");
        // A published version never changes, so its hash is its entity tag: a reader's browser revalidates and gets a 304
        // instead of the bytes. An exempt appendix (Part B) is never stored by any cache, the reader's own included.
        var tag = $"\"{document.Sha256}\"";
        var exempt = await Db.ExemptionMarkings.AnyAsync(m => m.EntityType == nameof(PublishedDocument) && m.EntityKey == key, ct);
        Response.Headers.CacheControl = exempt ? "no-store" : "private, no-cache";
        Response.Headers.ETag = tag;
        if (Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == tag)))
            return StatusCode(StatusCodes.Status304NotModified);
        var bytes = await Db.PublishedDocumentContents.Where(c => c.PublishedDocumentId == key).Select(c => c.Bytes).SingleAsync(ct);
        return this.Pdf(document, bytes);
    }
}

/// <summary>Background generation of meeting packs, read for their progress.</summary>
public sealed class DocumentJobsController(GovernanceDbContext db) : QueryableEntitySetController<DocumentJob>(db);
