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
public sealed class ContractRemindersJob(GovernanceDbContext db, NotificationOutbox outbox, Notifications.NamedPeople people, Notices.NoticeDesk notices, TimeProvider time)
{
    /// <summary>Each contract's named manager, read once a run.</summary>
    private readonly Dictionary<int, string?> managers = [];

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var today = LondonTime.DateOf(time.GetUtcNow().UtcDateTime);
        var live = await db.Contracts.Where(c => c.Status == ContractStatus.Active || c.Status == ContractStatus.InRemediation).ToListAsync(ct);
        foreach (var contract in live)
            managers[contract.Id] = contract.ContractManager;
        var reminders = 0;
        foreach (var contract in live)
        {
            if (contract.EndOn < today)
            {
                contract.Expire();
                continue;
            }

            if (contract.EndOn <= today.AddMonths(6))
                reminders += await RemindAsync($"contract:{contract.Id}:expiry:{contract.EndOn:yyyyMMdd}", $"Contract {contract.Reference} ends on {contract.EndOn:d MMMM yyyy}", "Decide on extension, re-procurement or exit.", contract.Id, ct);
            if (contract.ReviewOn is { } review && review >= today && review <= today.AddMonths(1))
                reminders += await RemindAsync($"contract:{contract.Id}:review:{review:yyyyMMdd}", $"Contract {contract.Reference} review due on {review:d MMMM yyyy}", "Prepare the contract review.", contract.Id, ct);
            if (contract.EndOn <= today.AddMonths(18) && (contract.ExitPlanReviewedOn is null || contract.ExitPlanReviewedOn < today.AddYears(-1)))
                reminders += await RemindAsync($"contract:{contract.Id}:exit-plan:{today:yyyy}", $"Exit plan for {contract.Reference} needs review", "The contract ends within 18 months and its exit plan was not reviewed in the last year.", contract.Id, ct);
        }

        reminders += await StatutoryNoticesAsync(live, today, ct);

        var options = await db.ContractOptions.AsNoTracking().Where(o => o.NoticeBy != null && o.NoticeBy >= today).ToListAsync(ct);
        foreach (var option in options.Where(o => o.NoticeBy <= today.AddMonths(2)))
        {
            reminders += await RemindAsync($"contract-option:{option.Id}:notice:{option.NoticeBy:yyyyMMdd}", $"{option.Kind} notice due by {option.NoticeBy:d MMMM yyyy}",
                option.Description, option.ContractId, ct);
        }

        await db.SaveChangesAsync(ct);
        return reminders;
    }

    /// <summary>
    /// A contract entered in the last 30 days needs its notice: under PCR 2015 the contract award notice (reg 50), under
    /// the Procurement Act 2023 the contract details notice (UK7, s.53). The workflow raises it when the procurement ran
    /// here; for a contract put on the register directly the job raises it, dated from the contract's start, and the
    /// notice job reminds its owner. The annual UK9 assessment (s.71: at least every 12 months, published within 30
    /// days) is reminded a month ahead; its notice is raised when the assessment is made.
    /// </summary>
    private async Task<int> StatutoryNoticesAsync(List<Contract> live, DateOnly today, CancellationToken ct)
    {
        var procurementIds = live.Select(c => c.ProcurementId).OfType<int>().ToList();
        var startedOn = await db.Procurements.Where(p => procurementIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.StartedOn, ct);
        var contractIds = live.Select(c => c.Id).ToList();
        var assessed = (await db.PerformanceAssessments.Where(a => contractIds.Contains(a.ContractId)).Select(a => new { a.ContractId, a.PublishedAt }).ToListAsync(ct))
            .GroupBy(a => a.ContractId).ToDictionary(g => g.Key, g => LondonTime.DateOf(g.Max(a => a.PublishedAt)));
        var reminders = 0;
        foreach (var contract in live.Where(c => c.ProcurementId is not null))
        {
            var underAct = startedOn.TryGetValue(contract.ProcurementId!.Value, out var started) && Domain.Tendering.ProcurementLaw.IsProcurementAct(started);
            var type = underAct ? Domain.Notices.NoticeType.UK7 : Domain.Notices.NoticeType.PcrContractAwardNotice;
            var (due, _) = Domain.Notices.NoticeDeadlines.For(type, contract.StartOn, StatutoryClocks.EnglandAndWales);
            if (today >= contract.StartOn && today <= due && !await db.Notices.IgnoreQueryFilters().AnyAsync(n => n.Type == type
                    && (n.ContractId == contract.Id || (type == Domain.Notices.NoticeType.PcrContractAwardNotice && n.ProcurementId == contract.ProcurementId)), ct))
            {
                var before = db.ChangeTracker.Entries<Notification>().Count();
                await notices.RaiseAsync(type, contract.ProcurementId, contract.Id, "The contract was entered into.", $"contract:{contract.Id}:{type}", ct, triggeredOn: contract.StartOn);
                reminders += db.ChangeTracker.Entries<Notification>().Count() - before;
            }

            if (!underAct)
                continue;
            var next = (assessed.TryGetValue(contract.Id, out var last) ? last : contract.StartOn).AddMonths(12);
            var publishBy = StatutoryClocks.Pa2023PerformanceNoticeDue(next);
            if (today >= next.AddMonths(-1) && today <= publishBy)
                reminders += await RemindAsync($"contract:{contract.Id}:uk9:{next:yyyyMMdd}", $"Annual performance assessment (UK9) for {contract.Reference} due {next:d MMMM yyyy}", $"Procurement Act 2023 s.71: assess performance against the KPIs at least every 12 months and publish the contract performance notice by {publishBy:d MMMM yyyy}.", contract.Id, ct);
        }

        return reminders;
    }

    private async Task<int> RemindAsync(string key, string subject, string body, int contractId, CancellationToken ct)
    {
        var before = db.ChangeTracker.Entries<Notification>().Count();
        // The live contracts are loaded already; an option's contract may not be.
        if (!managers.TryGetValue(contractId, out var manager))
            managers[contractId] = manager = await db.Contracts.Where(c => c.Id == contractId).Select(c => c.ContractManager).SingleOrDefaultAsync(ct);
        await NotifyManagerAsync(outbox, people, manager, contractId, key, subject, body, ct);
        return db.ChangeTracker.Entries<Notification>().Count() - before;
    }

    /// <summary>
    /// To the contract's named manager when an account is theirs (NamedPeople), else to every contract manager; the
    /// link is the contract's page in the portal, where the person acts on it. Reminders and the termination notice both send this way.
    /// </summary>
    public static async Task NotifyManagerAsync(
        NotificationOutbox outbox, Notifications.NamedPeople people, string? manager, int contractId, string key, string subject, string body, CancellationToken ct)
    {
        var named = await people.EmailOfAsync(manager, Auth.Roles.ContractManager, ct);
        await outbox.AddAsync(key, named is null ? Auth.Roles.ContractManager : null, named, subject, body, PortalLinks.For(nameof(Contract), contractId), (nameof(Contract), contractId), ct);
    }
}
