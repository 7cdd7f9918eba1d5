using Governance.Domain.Calendar;
using Governance.Domain.Notices;

namespace Governance.Api.Data.Seeding;

public sealed partial class SeedLoader
{
    /// <summary>
    /// Statutory notices of the seeded procurements and contracts, raised on the day of their event; a published one
    /// is recorded as the council recorded it (its platform reference and day), its content generated from the seed.
    /// </summary>
    private async Task AddNoticesAsync(IEnumerable<NoticeSeed> notices, CancellationToken ct)
    {
        foreach (var n in notices)
        {
            var procurement = n.Procurement is null ? null : Resolve(procurements, n.Procurement, "procurement");
            var contract = n.Contract is null ? null : Resolve(contracts, n.Contract, "contract");
            var subject = contract is not null ? $"{contract.Reference} {contract.Title}" : procurement is not null ? $"{procurement.Reference} {procurement.Title}" : "the council";
            var notice = Notice.Raise(n.Type, procurement?.Id ?? contract?.ProcurementId, contract?.Id, subject, n.Trigger, n.TriggeredOn,
                $"seed:{n.Type}:{n.Procurement}:{n.Contract}:{n.TriggeredOn:yyyyMMdd}", StatutoryClocks.EnglandAndWales);
            db.Notices.Add(notice);
            await db.SaveChangesAsync(ct);
            if (n.ExternalReference is { } reference)
            {
                var at = n.PublishedAt ?? throw new SeedException(file, $"notice {n.Type} of {n.Procurement ?? n.Contract}: a published notice needs publishedAt");
                db.NoticeVersions.Add(notice.Publish(reference, await noticeContent.GenerateAsync(notice, ct), n.PublishedBy ?? "seed", at));
            }
        }
    }
}

/// <summary>A notice of a seeded procurement or contract (by reference), published when it names the platform's reference.</summary>
public sealed record NoticeSeed(NoticeType Type, string? Procurement, string? Contract, string Trigger, DateOnly TriggeredOn, string? ExternalReference, DateTime? PublishedAt, string? PublishedBy);
