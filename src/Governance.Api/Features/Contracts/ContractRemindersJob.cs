using Governance.Api.Data;
using Governance.Api.Features.Notifications;
using Governance.Domain.Calendar;
using Governance.Domain.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Contracts;

/// <summary>
/// Daily: reminds contract managers of expiries (6 months ahead), reviews (1 month), option and break notice dates
/// (2 months) and stale exit plans, and expires contracts past their end. Each reminder has its own key, so a
/// reminder is sent once however often the job runs.
/// </summary>
public sealed class ContractRemindersJob(GovernanceDbContext db, NotificationOutbox outbox, TimeProvider time)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var today = LondonTime.DateOf(time.GetUtcNow().UtcDateTime);
        var live = await db.Contracts.Where(c => c.Status == ContractStatus.Active || c.Status == ContractStatus.InRemediation).ToListAsync(ct);
        var reminders = 0;
        foreach (var contract in live)
        {
            var link = $"/odata/Contracts({contract.Id})";
            if (contract.EndOn < today)
            {
                contract.Expire();
                continue;
            }

            if (contract.EndOn <= today.AddMonths(6))
                reminders += await RemindAsync($"contract:{contract.Id}:expiry:{contract.EndOn:yyyyMMdd}", $"Contract {contract.Reference} ends on {contract.EndOn:d MMMM yyyy}", "Decide on extension, re-procurement or exit.", link, ct);
            if (contract.ReviewOn is { } review && review >= today && review <= today.AddMonths(1))
                reminders += await RemindAsync($"contract:{contract.Id}:review:{review:yyyyMMdd}", $"Contract {contract.Reference} review due on {review:d MMMM yyyy}", "Prepare the contract review.", link, ct);
            if (contract.EndOn <= today.AddMonths(18) && (contract.ExitPlanReviewedOn is null || contract.ExitPlanReviewedOn < today.AddYears(-1)))
                reminders += await RemindAsync($"contract:{contract.Id}:exit-plan:{today:yyyy}", $"Exit plan for {contract.Reference} needs review", "The contract ends within 18 months and its exit plan was not reviewed in the last year.", link, ct);
        }

        var options = await db.ContractOptions.AsNoTracking().Where(o => o.NoticeBy != null && o.NoticeBy >= today).ToListAsync(ct);
        foreach (var option in options.Where(o => o.NoticeBy <= today.AddMonths(2)))
        {
            reminders += await RemindAsync($"contract-option:{option.Id}:notice:{option.NoticeBy:yyyyMMdd}", $"{option.Kind} notice due by {option.NoticeBy:d MMMM yyyy}",
                option.Description, $"/odata/Contracts({option.ContractId})", ct);
        }

        await db.SaveChangesAsync(ct);
        return reminders;
    }

    private async Task<int> RemindAsync(string key, string subject, string body, string link, CancellationToken ct)
    {
        var before = db.ChangeTracker.Entries<Notification>().Count();
        await outbox.AddAsync(key, Auth.Roles.ContractManager, null, subject, body, link, ct);
        return db.ChangeTracker.Entries<Notification>().Count() - before;
    }
}
