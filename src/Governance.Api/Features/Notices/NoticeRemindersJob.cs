using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Domain.Calendar;
using Governance.Domain.Notices;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Notices;

/// <summary>
/// Daily: reminds each unpublished notice's owner in the week before its deadline and on the day, marks a notice
/// past its deadline overdue and escalates it once to the owner and the statutory officers (the monitoring officer
/// answers for the council's compliance), and raises the half-yearly payments compliance notice (UK17) once a period
/// ends while a Procurement Act contract over GBP 5m is live. Every message has its own key, so a rerun sends nothing twice.
/// </summary>
public sealed class NoticeRemindersJob(GovernanceDbContext db, NoticeDesk desk, TimeProvider time)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var today = LondonTime.DateOf(time.GetUtcNow().UtcDateTime);
        await RaisePaymentsComplianceAsync(today, ct);
        var open = await db.Notices.IgnoreQueryFilters()
            .Where(n => n.Status != NoticeStatus.Published && n.DueOn <= today.AddDays(7) && n.EscalatedAt == null)
            .OrderBy(n => n.DueOn).ToListAsync(ct);
        var sent = 0;
        foreach (var notice in open)
        {
            if (notice.MarkOverdueIfLate(today))
            {
                notice.EscalatedAt = time.GetUtcNow().UtcDateTime;
                await desk.NotifyOwnerAsync(notice, $"notice:{notice.Id}:overdue", $"Overdue: {notice.Title} was due by {notice.DueOn:d MMMM yyyy}",
                    $"{notice.DeadlineRule} It has not been recorded as published. Publish it on the central platform now and record its reference; this is escalated to the statutory officers.",
                    ct, alsoRole: Roles.StatutoryOfficer);
                sent++;
            }
            else if (notice.NeedsReminder(today))
            {
                var when = notice.DueOn == today ? "today" : $"by {notice.DueOn:d MMMM yyyy}";
                await desk.NotifyOwnerAsync(notice, $"notice:{notice.Id}:reminder:{(notice.DueOn == today ? "day" : "week")}", $"{notice.Title} due {when}",
                    $"{notice.DeadlineRule} Draft it from the data, check it, publish it on the central platform and record its reference.", ct);
                sent++;
            }
        }

        await db.SaveChangesAsync(ct);
        return sent;
    }

    private async Task RaisePaymentsComplianceAsync(DateOnly today, CancellationToken ct)
    {
        var (first, last) = NoticeDeadlines.LastPaymentsPeriodBefore(today);
        var raisedFor = $"uk17:{last:yyyyMMdd}";
        if (today > last.AddDays(29) || await db.Notices.IgnoreQueryFilters().AnyAsync(n => n.RaisedFor == raisedFor, ct))
            return;
        var inScope = await desk.UnderProcurementAct(db.Contracts.IgnoreQueryFilters()).AnyAsync(c => c.TotalValue > 5_000_000m && c.StartOn <= last && c.EndOn >= first, ct);
        if (!inScope)
            return;
        // Its clock starts on the period's last day, not on the day the job noticed.
        await desk.RaiseAsync(NoticeType.UK17, null, null, $"The payments reporting period {first:d MMMM yyyy} to {last:d MMMM yyyy} ended.", raisedFor, ct, triggeredOn: last);
    }
}
