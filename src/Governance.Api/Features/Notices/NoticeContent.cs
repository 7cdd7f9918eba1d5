using System.Text.Json;
using Governance.Api.Data;
using Governance.Domain.Notices;
using Governance.Domain.Tendering;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Notices;

/// <summary>
/// A notice's fields generated from the data as it stands: the publisher, the procurement and contract it is about,
/// and what its type adds (the award and its supplier, the assessment and its rating, the change, the termination,
/// the reporting period). Read without the exemption filter: the notice itself is hidden with an exempt subject.
/// </summary>
public sealed class NoticeContent(GovernanceDbContext db, IConfiguration configuration)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public async Task<string> GenerateAsync(Notice notice, CancellationToken ct)
    {
        var content = new Dictionary<string, object?>
        {
            ["noticeType"] = notice.Type.ToString(),
            ["title"] = NoticeDeadlines.Describe(notice.Type),
            ["law"] = NoticeDeadlines.IsProcurementAct(notice.Type) ? "Procurement Act 2023" : "Public Contracts Regulations 2015",
            ["contractingAuthority"] = configuration["Transparency:PublisherName"] ?? "The council",
            ["deadline"] = new { dueOn = notice.DueOn, rule = notice.DeadlineRule, trigger = notice.Trigger, triggeredOn = notice.TriggeredOn },
        };
        if (notice.ProcurementId is { } procurementId)
            content["procurement"] = await ProcurementAsync(procurementId, notice.Type, ct);
        if (notice.ContractId is { } contractId)
            content["contract"] = await ContractAsync(contractId, notice, ct);
        if (notice.Type == NoticeType.UK17)
            content["reportingPeriod"] = await PaymentsPeriodAsync(notice.TriggeredOn, ct);
        return JsonSerializer.Serialize(content, Json);
    }

    private async Task<object?> ProcurementAsync(int id, NoticeType type, CancellationToken ct)
    {
        var p = await db.Procurements.IgnoreQueryFilters().AsNoTracking().Include(p => p.Department).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (p is null)
            return null;
        var fields = new Dictionary<string, object?>
        {
            ["reference"] = p.Reference, ["title"] = p.Title, ["description"] = p.Description, ["department"] = p.Department?.Name,
            ["procedure"] = p.Procedure.ToString(), ["estimatedValue"] = new { amount = p.EstimatedValue, currency = "GBP" },
            ["contractNoticeSentOn"] = p.ContractNoticeSentOn, ["participationDeadline"] = p.ParticipationDeadline,
            ["lots"] = await db.Lots.IgnoreQueryFilters().AsNoTracking().Where(l => l.ProcurementId == id).OrderBy(l => l.Id).Select(l => l.Name).ToListAsync(ct),
        };
        if (type is NoticeType.UK6 or NoticeType.PcrContractAwardNotice)
            fields["award"] = await AwardAsync(id, ct);
        if (type == NoticeType.UK12)
            fields["stageWhenTerminated"] = p.Stage.ToString();
        if (type == NoticeType.UK6)
            fields["standstillEndsAt"] = p.StandstillEndsAt;
        return fields;
    }

    /// <summary>The successful (or preferred) bidder, its supplier and its latest final price: published by the award notice, never before.</summary>
    private async Task<object?> AwardAsync(int procurementId, CancellationToken ct)
    {
        var winner = await db.Bidders.IgnoreQueryFilters().AsNoTracking().Include(b => b.Supplier)
            .Where(b => b.ProcurementId == procurementId && (b.Status == BidderStatus.Successful || b.Status == BidderStatus.PreferredBidder))
            .OrderBy(b => b.Status == BidderStatus.Successful ? 0 : 1).FirstOrDefaultAsync(ct);
        if (winner is null)
            return null;
        var price = await db.Submissions.IgnoreQueryFilters().AsNoTracking().Where(s => s.BidderId == winner.Id)
            .OrderByDescending(s => s.Stage).ThenByDescending(s => s.Version).Select(s => (decimal?)s.Price).FirstOrDefaultAsync(ct);
        var bidders = await db.Bidders.IgnoreQueryFilters().CountAsync(b => b.ProcurementId == procurementId && b.Status != BidderStatus.RequestedToParticipate, ct);
        return new
        {
            supplier = winner.Supplier is { } s ? new { name = s.Name, registrationNumber = s.CompaniesHouseNumber, sme = s.IsSme, vcse = s.IsVcse } : null,
            value = price is { } v ? new { amount = v, currency = "GBP" } : null,
            tendersConsidered = bidders,
        };
    }

    private async Task<object?> ContractAsync(int id, Notice notice, CancellationToken ct)
    {
        var type = notice.Type;
        var c = await db.Contracts.IgnoreQueryFilters().AsNoTracking().Include(c => c.Supplier).Include(c => c.Department).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (c is null)
            return null;
        var fields = new Dictionary<string, object?>
        {
            ["reference"] = c.Reference, ["title"] = c.Title, ["description"] = c.Description, ["department"] = c.Department?.Name,
            ["supplier"] = c.Supplier is { } s ? new { name = s.Name, registrationNumber = s.CompaniesHouseNumber, sme = s.IsSme, vcse = s.IsVcse } : null,
            ["value"] = new { amount = c.TotalValue, currency = "GBP", vat = c.Vat }, ["startOn"] = c.StartOn, ["endOn"] = c.EndOn, ["status"] = c.Status.ToString(),
        };
        switch (type)
        {
            case NoticeType.UK7:
                // The notice is public: a KPI marked exempt is left out, as the published assessment leaves it out.
                fields["kpis"] = await db.Indicators.AsNoTracking()
                    .Where(i => i.ContractId == id && !db.ExemptionMarkings.Any(m => m.EntityType == nameof(Domain.Contracts.Indicator) && m.EntityKey == i.Id)).OrderBy(i => i.Code).Select(i => new { i.Code, i.Name }).ToListAsync(ct);
                break;
            case NoticeType.UK9:
                fields["assessment"] = await db.PerformanceAssessments.IgnoreQueryFilters().AsNoTracking().Where(a => a.ContractId == id)
                    .OrderByDescending(a => a.PublishedAt).Select(a => new { a.Year, Occasion = a.Occasion.ToString(), Rating = a.Rating.ToString(), a.AverageScore, a.Basis, a.Policy })
                    .FirstOrDefaultAsync(ct);
                break;
            case NoticeType.UK10:
                // A modification's notice sets out that modification (s.75(3)); otherwise it is the novation's.
                fields["change"] = await db.ContractModifications.IgnoreQueryFilters().AsNoTracking().Where(m => m.ChangeNoticeKey == notice.RaisedFor)
                    .Select(m => (object)new
                    {
                        kind = "Modification", reason = m.Reason, on = m.MadeAt, endOn = new { before = m.EndOnBefore, after = m.EndOnAfter },
                        value = new { before = m.TotalValueBefore, after = m.TotalValueAfter, currency = "GBP" }, test = m.ChangeNoticeRule,
                    }).FirstOrDefaultAsync(ct)
                    ?? new { kind = "Novation", reason = c.NovationReason, on = c.NovatedAt };
                break;
            case NoticeType.UK11:
                fields["termination"] = new { reason = c.StatusReason };
                break;
        }
        return fields;
    }

    /// <summary>UK17: the reporting period and the contracts over GBP 5m that bring the council within s.69; the payment figures come from the finance system.</summary>
    private async Task<object> PaymentsPeriodAsync(DateOnly lastDay, CancellationToken ct)
    {
        var first = lastDay.AddMonths(-6).AddDays(1);
        var contracts = await db.Contracts.AsNoTracking()
            .Where(c => c.TotalValue > 5_000_000m && c.StartOn <= lastDay && c.EndOn >= first)
            .OrderBy(c => c.Reference).Select(c => c.Reference).ToListAsync(ct);
        return new { first, last = lastDay, contractsOverFiveMillion = contracts, paymentFigures = "Entered from the finance system's invoice records before publication." };
    }
}
