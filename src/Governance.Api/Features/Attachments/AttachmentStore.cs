using System.Security.Claims;
using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.Features.Performance;
using Governance.Api.Features.Tendering;
using Governance.Api.Features.Tendering.Bids;
using Governance.Api.OData;
using Governance.Domain.Common;
using Governance.Domain.Documents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Attachments;

/// <summary>
/// Files attached to records (ADR 0018). Who may attach is who may change the record: a bid's own bidder before its
/// stage's deadline, the procurement's team for requirement documents, whoever may record a KPI return for its
/// evidence. Who may read a file is who may read its record, through the same scopes and the exemption filter (each
/// owner is asked through its filtered set), so nothing derived from a sealed bid or an exempt contract leaks by its
/// file. The bytes are stored once per SHA-256 and never overwritten. The API's endpoints and the portal's pages come here.
/// </summary>
public sealed class AttachmentStore(GovernanceDbContext db, ProcurementTeam team, SubmissionDesk submissions, IConfiguration configuration, TimeProvider time)
{
    public long MaxBytes => configuration.GetValue("Attachments:MaxBytes", Attachment.MaxBytes);

    /// <summary>Checks and adds an attachment (and its bytes, unless already kept); the refusal as the API gives it otherwise. The caller saves.</summary>
    /// <exception cref="BusinessRuleException">The file is refused (empty, too large, of a type not taken, not what its type says).</exception>
    public async Task<(Attachment? Attached, ObjectResult? Refused)> AttachAsync(
        AttachmentOwner owner, int ownerId, string? fileName, string? contentType, byte[] bytes, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await RefuseAttachAsync(owner, ownerId, user, ct) is { } refused)
            return (null, refused);
        var now = time.GetUtcNow().UtcDateTime;
        var attachment = Attachment.Describe(owner, ownerId, fileName, contentType, bytes, user.Identity?.Name ?? "", now, MaxBytes);
        if (!await db.AttachmentContents.AnyAsync(c => c.Sha256 == attachment.Sha256, ct) && db.AttachmentContents.Local.All(c => c.Sha256 != attachment.Sha256))
            db.AttachmentContents.Add(new AttachmentContent { Sha256 = attachment.Sha256, Bytes = bytes });
        db.Attachments.Add(attachment);
        return (attachment, null);
    }

    /// <summary>An uploaded file, read and attached as above; over the size limit it is refused (413) before it is read.</summary>
    public async Task<(Attachment? Attached, ObjectResult? Refused)> AttachAsync(AttachmentOwner owner, int ownerId, IFormFile file, ClaimsPrincipal user, CancellationToken ct)
    {
        if (file.Length > MaxBytes)
            return (null, ODataErrors.Error(StatusCodes.Status413PayloadTooLarge, "attachment-too-large", $"A file may be at most {MaxBytes / (1024 * 1024)} MB."));
        using var bytes = new MemoryStream();
        await file.CopyToAsync(bytes, ct);
        return await AttachAsync(owner, ownerId, file.FileName, file.ContentType, bytes.ToArray(), user, ct);
    }

    /// <summary>The attachments this person may read: those of records they may read.</summary>
    public IQueryable<Attachment> Readable(ClaimsPrincipal user)
    {
        var supplierId = user.SupplierScope();
        var council = Roles.Council.Any(user.IsInRole);
        var bids = submissions.Readable(db.Submissions, user).Select(s => s.Id);
        var requirements = supplierId is { } bidder
            ? db.RequirementDocuments.Where(r => db.Bidders.Any(b => b.ProcurementId == r.ProcurementId && b.SupplierId == bidder)).Select(r => r.Id)
            : db.RequirementDocuments.Where(_ => council).Select(r => r.Id);
        var returns = supplierId is { } supplier
            ? db.Measurements.Where(m => m.Indicator!.Contract!.SupplierId == supplier).Select(m => m.Id)
            : db.Measurements.Where(_ => council).Select(m => m.Id);
        return db.Attachments.AsNoTracking().Where(a =>
            (a.OwnerType == AttachmentOwner.Submission && bids.Contains(a.OwnerId))
            || (a.OwnerType == AttachmentOwner.RequirementDocument && requirements.Contains(a.OwnerId))
            || (a.OwnerType == AttachmentOwner.Measurement && returns.Contains(a.OwnerId)));
    }

    /// <summary>A file this person may read, with its bytes; null when there is none they may read.</summary>
    public async Task<(Attachment Attachment, byte[] Bytes)?> OpenAsync(int id, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await Readable(user).SingleOrDefaultAsync(a => a.Id == id, ct) is not { } attachment)
            return null;
        var bytes = await db.AttachmentContents.AsNoTracking().Where(c => c.Sha256 == attachment.Sha256).Select(c => c.Bytes).SingleAsync(ct);
        return (attachment, bytes);
    }

    private async Task<ObjectResult?> RefuseAttachAsync(AttachmentOwner owner, int ownerId, ClaimsPrincipal user, CancellationToken ct)
    {
        switch (owner)
        {
            case AttachmentOwner.Submission:
                var bid = await team.Confidential(db.Submissions.AsNoTracking(), user).SingleOrDefaultAsync(s => s.Id == ownerId, ct);
                var own = bid is null ? null : await team.OwnBidderAsync(bid.ProcurementId, user, ct);
                if (bid is null || own?.Id != bid.BidderId)
                    return NotFound(owner, ownerId);
                var deadline = await db.ProcurementStageDates.Where(d => d.ProcurementId == bid.ProcurementId && d.Stage == bid.Stage).Select(d => d.SubmissionDeadline).SingleOrDefaultAsync(ct);
                // A bid's files are sealed with it: a file added after the deadline would be a late bid.
                if (deadline is not { } due || time.GetUtcNow().UtcDateTime > due)
                    return ODataErrors.Error(StatusCodes.Status409Conflict, "attachment-after-deadline", "A bid's files are attached before its stage's deadline, like the bid itself.");
                return null;
            case AttachmentOwner.RequirementDocument:
                var procurement = await db.RequirementDocuments.Where(r => r.Id == ownerId).Select(r => (int?)r.ProcurementId).SingleOrDefaultAsync(ct);
                return procurement is { } id ? await team.RefuseChangeAsync(id, user, ct) : NotFound(owner, ownerId);
            case AttachmentOwner.Measurement:
                var indicatorId = await db.Measurements.Where(m => m.Id == ownerId).Select(m => (int?)m.IndicatorId).SingleOrDefaultAsync(ct);
                var indicator = indicatorId is { } kpi ? await db.Indicators.AsNoTracking().Include(i => i.Contract).SingleOrDefaultAsync(i => i.Id == kpi, ct) : null;
                if (indicator is null || !AccessRules.CanWrite("Measurements", user.IsInRole))
                    return NotFound(owner, ownerId);
                try
                {
                    MeasurementRecorder.RefuseActor(indicator, indicator.Id, user);
                }
                catch (BusinessRuleException rule) when (rule.Rule == "UnknownReference")
                {
                    return NotFound(owner, ownerId);
                }
                catch (BusinessRuleException rule)
                {
                    return ODataErrors.Error(StatusCodes.Status403Forbidden, rule.Rule, rule.Message);
                }
                return null;
            default:
                return ODataErrors.BadRequest("attachment-owner", $"Files are attached to: {string.Join(", ", Enum.GetNames<AttachmentOwner>())}.");
        }
    }

    private static ObjectResult NotFound(AttachmentOwner owner, int ownerId) =>
        ODataErrors.Error(StatusCodes.Status404NotFound, "NotFound", $"{owner} {ownerId} does not exist, or is not yours to attach to.");
}
