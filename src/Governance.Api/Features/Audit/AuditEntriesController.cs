using Governance.Api.Data;
using Governance.Api.OData;
using Governance.Domain.Audit;
using Governance.Domain.Tendering;
using Governance.Domain.Tendering.Bids;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Api.Features.Audit;

/// <summary>
/// The audit trail: readable by administrators and statutory officers, writable by nobody. The images of a
/// commercially confidential tender record (bids, prices, scores, minutes, letters) are readable only where the
/// record itself is; those who read the audit trail are never on a procurement's team as auditors, so the trail
/// shows who changed such a record and when, and withholds the before and after. The stored rows are unchanged, so
/// the hash chain still verifies.
/// </summary>
public sealed class AuditEntriesController(GovernanceDbContext db, AuditVerifier verifier) : LogEntitySetController<AuditEntry>(db)
{
    /// <summary>What a withheld image reads as.</summary>
    public const string Withheld = "{\"withheld\":\"commercially confidential tender record\"}";

    /// <summary>Entity types whose rows only a procurement's team (and the bidder itself) may read.</summary>
    public static readonly string[] ConfidentialTypes =
    [
        nameof(Bidder), nameof(Submission), nameof(Score), nameof(ModeratedScore), nameof(ConflictDeclaration), nameof(DialogueSession),
        nameof(ClarificationQuestion), nameof(ConsentRecord), nameof(SolutionDisclosure), nameof(AwardLetter), nameof(TenderChangeRequest),
    ];

    /// <summary>
    /// Whose images the trail withholds: those, and attachments, whose image (a file's name, size and hash) would tell
    /// of a sealed bid's files or name what a return's evidence holds, and notices, whose draft names the winner and
    /// its price before the award notice is published (what was published is in NoticeVersions).
    /// </summary>
    private static readonly string[] WithheldTypes = [.. ConfidentialTypes, nameof(Domain.Documents.Attachment), nameof(Domain.Notices.Notice)];

    protected override IQueryable<AuditEntry> Scope(IQueryable<AuditEntry> rows) => rows.Select(a => new AuditEntry
    {
        Id = a.Id, Sequence = a.Sequence, Actor = a.Actor, OccurredAt = a.OccurredAt, EntityType = a.EntityType, EntityKey = a.EntityKey,
        Operation = a.Operation, PreviousHash = a.PreviousHash, Hash = a.Hash,
        Before = WithheldTypes.Contains(a.EntityType) && a.Before != null ? Withheld : a.Before,
        After = WithheldTypes.Contains(a.EntityType) && a.After != null ? Withheld : a.After,
    });

    /// <summary>POST /odata/AuditEntries/Governance.Verify</summary>
    [HttpPost]
    public async Task<ActionResult<AuditVerification>> Verify(CancellationToken ct) => Ok(await verifier.VerifyAsync(ct));
}
