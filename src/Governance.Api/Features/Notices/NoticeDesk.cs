using System.Security.Claims;
using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.Features.Notifications;
using Governance.Domain.Calendar;
using Governance.Domain.Common;
using Governance.Domain.Notices;
using Governance.Domain.Tendering;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Notices;

/// <summary>
/// Everything done with notices, for the API, the portal, the workflows and the daily job alike: who reads an
/// unpublished one, who acts on it, raising one for an event (once), drafting, recording publication and correction,
/// and telling the person who owns it.
/// </summary>
public sealed class NoticeDesk(GovernanceDbContext db, NoticeContent content, StatutoryClocks clocks, TimeProvider time, NotificationOutbox outbox, NamedPeople people)
{
    /// <summary>
    /// A published notice is public, so every council reader sees it. Before publication its content is not (an award
    /// notice names the winner and its price before the bidders know): the procurement's team, the contract managers
    /// for a contract's notice, and the statutory officers, whose monitoring officer takes overdue ones. Suppliers read
    /// notices where they are published, not here.
    /// </summary>
    public IQueryable<Notice> Readable(IQueryable<Notice> rows, ClaimsPrincipal user)
    {
        if (user.SupplierScope() is not null || !Roles.Council.Any(user.IsInRole))
            return rows.Where(_ => false);
        if (user.IsInRole(Roles.StatutoryOfficer))
            return rows;
        var name = user.Identity?.Name ?? "";
        var contractManager = user.IsInRole(Roles.ContractManager);
        var officer = contractManager || user.IsInRole(Roles.ProcurementOfficer);
        return rows.Where(n => n.Status == NoticeStatus.Published
            || (n.ProcurementId != null && db.ProcurementTeamMembers.Any(m => m.ProcurementId == n.ProcurementId && m.UserName == name))
            || (n.ContractId != null && contractManager)
            || (n.ProcurementId == null && n.ContractId == null && officer));
    }

    /// <summary>Who may draft and record a notice: the procurement's team, a contract manager for a contract's, an officer for the council's own.</summary>
    public async Task<string?> RefusalAsync(Notice notice, ClaimsPrincipal user, CancellationToken ct)
    {
        var name = user.Identity?.Name ?? "";
        if (notice.ContractId is not null && user.IsInRole(Roles.ContractManager))
            return null;
        if (notice.ProcurementId is { } procurementId && await db.ProcurementTeamMembers.AnyAsync(m => m.ProcurementId == procurementId && m.UserName == name, ct))
            return null;
        if (notice.ProcurementId is null && notice.ContractId is null && (user.IsInRole(Roles.ProcurementOfficer) || user.IsInRole(Roles.ContractManager)))
            return null;
        return notice.ContractId is not null
            ? "A contract's notices are drafted and recorded by the contract managers (or the team of the procurement it was let from)."
            : "A procurement's notices are drafted and recorded by its team.";
    }

    /// <summary>Whether a contract is under the Procurement Act 2023: its procurement's start day, or its own where it was let outside one (ProcurementLaw).</summary>
    public async Task<bool> UnderProcurementActAsync(int? procurementId, DateOnly contractStart, CancellationToken ct) =>
        ProcurementLaw.IsProcurementAct(procurementId is { } id
            ? await db.Procurements.IgnoreQueryFilters().Where(p => p.Id == id).Select(p => p.StartedOn).SingleAsync(ct)
            : contractStart);

    /// <summary>The contracts under the Act, as a query: the same rule as <see cref="UnderProcurementActAsync"/> for many at once.</summary>
    public IQueryable<Domain.Contracts.Contract> UnderProcurementAct(IQueryable<Domain.Contracts.Contract> contracts) =>
        contracts.Where(c => c.ProcurementId == null
            ? c.StartOn >= ProcurementLaw.Pa2023Commences
            : db.Procurements.IgnoreQueryFilters().Any(p => p.Id == c.ProcurementId && p.StartedOn >= ProcurementLaw.Pa2023Commences));

    /// <summary>
    /// A notice the caller may act on, for the API's actions and the portal's forms alike: null when they may not read
    /// it (a 404), else the notice and why they may not act on it, if they may not (a 403).
    /// </summary>
    public async Task<(Notice Notice, string? Refusal)?> ActableAsync(int id, ClaimsPrincipal user, CancellationToken ct) =>
        await Readable(db.Notices, user).SingleOrDefaultAsync(n => n.Id == id, ct) is { } notice ? (notice, await RefusalAsync(notice, user, ct)) : null;

    /// <summary>
    /// Raises the notice an event requires, dated today (or the day its clock starts, for a period's end), once per <paramref name="raisedFor"/>; checked against the
    /// subject's law. Added to the context; the caller saves it with the event, in one transaction.
    /// </summary>
    public async Task<Notice> RaiseAsync(NoticeType type, int? procurementId, int? contractId, string trigger, string raisedFor, CancellationToken ct, DateOnly? triggeredOn = null)
    {
        var existing = db.ChangeTracker.Entries<Notice>().Select(e => e.Entity).FirstOrDefault(n => n.RaisedFor == raisedFor)
            ?? await db.Notices.IgnoreQueryFilters().SingleOrDefaultAsync(n => n.RaisedFor == raisedFor, ct);
        if (existing is not null)
            return existing;
        string subject;
        if (contractId is { } cid)
        {
            var contract = await db.Contracts.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(c => c.Id == cid, ct)
                ?? throw new BusinessRuleException("UnknownReference", $"ContractId {cid} does not refer to an existing Contract.", isInvalidInput: true);
            procurementId ??= contract.ProcurementId;
            subject = $"{contract.Reference} {contract.Title}";
            if (type != NoticeType.UK17)
                Notice.CheckRegime(type, await UnderProcurementActAsync(contract.ProcurementId, contract.StartOn, ct));
        }
        else if (procurementId is { } pid)
        {
            var procurement = await db.Procurements.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(p => p.Id == pid, ct)
                ?? throw new BusinessRuleException("UnknownReference", $"ProcurementId {pid} does not refer to an existing Procurement.", isInvalidInput: true);
            subject = $"{procurement.Reference} {procurement.Title}";
            Notice.CheckRegime(type, ProcurementLaw.IsProcurementAct(procurement.StartedOn));
        }
        else
        {
            subject = "the council";
        }

        var day = triggeredOn ?? LondonTime.DateOf(time.GetUtcNow().UtcDateTime);
        var notice = Notice.Raise(type, procurementId, contractId, subject.Length > 200 ? subject[..200] : subject, trigger, day, raisedFor, clocks);
        db.Notices.Add(notice);
        await NotifyOwnerAsync(notice, $"notice:{raisedFor}:raised", $"{notice.Title} due by {notice.DueOn:d MMMM yyyy}",
            $"{notice.Trigger} {notice.DeadlineRule} Draft it from the data, check it, publish it on the central platform and record its reference here.", ct);
        return notice;
    }

    /// <summary>
    /// A contract's event under the Procurement Act 2023 (an assessment, a change, a termination) raises its UK notice;
    /// a contract let under PCR 2015 has none of these notices, so nothing is raised.
    /// </summary>
    public async Task<Notice?> RaiseForContractAsync(NoticeType type, Domain.Contracts.Contract contract, string trigger, string raisedFor, CancellationToken ct) =>
        await UnderProcurementActAsync(contract.ProcurementId, contract.StartOn, ct) ? await RaiseAsync(type, contract.ProcurementId, contract.Id, trigger, raisedFor, ct) : null;

    public async Task DraftAsync(Notice notice, CancellationToken ct) =>
        notice.Draft(await content.GenerateAsync(notice, ct), time.GetUtcNow().UtcDateTime);

    public async Task<NoticeVersion> PublishAsync(Notice notice, string? externalReference, string by, CancellationToken ct)
    {
        var version = notice.Publish(externalReference, await content.GenerateAsync(notice, ct), by, time.GetUtcNow().UtcDateTime);
        db.NoticeVersions.Add(version);
        return version;
    }

    public async Task<NoticeVersion> CorrectAsync(Notice notice, string? reason, string? externalReference, string by, CancellationToken ct)
    {
        var version = notice.Correct(reason, externalReference, await content.GenerateAsync(notice, ct), by, time.GetUtcNow().UtcDateTime);
        db.NoticeVersions.Add(version);
        return version;
    }

    /// <summary>
    /// To the person who owns the notice (the procurement's lead officer, the contract's manager) when an account is
    /// theirs, else to the role; the body says what is due, by when, under which rule; the link is the notice's page.
    /// </summary>
    public async Task NotifyOwnerAsync(Notice notice, string key, string subject, string body, CancellationToken ct, string? alsoRole = null)
    {
        var (named, role) = await OwnerAsync(notice, ct);
        var person = await people.EmailOfAsync(named, role, ct);
        // A notice raised in this command has no key yet: its subject's page lists it.
        (string Type, int Id) about = notice.Id != 0 ? (nameof(Notice), notice.Id)
            : notice.ContractId is { } contractId ? ("Contract", contractId)
            : notice.ProcurementId is { } procurementId ? ("Procurement", procurementId) : (nameof(Notice), 0);
        var link = about.Id == 0 ? "/work/notices" : PortalLinks.For(about.Type, about.Id);
        await outbox.AddAsync(key, person is null ? role : null, person, subject, body, link, about, ct);
        if (alsoRole is not null)
            await outbox.AddAsync($"{key}:{alsoRole}", alsoRole, null, subject, body, link, about, ct);
    }

    private async Task<(string? Named, string Role)> OwnerAsync(Notice notice, CancellationToken ct)
    {
        if (notice.ContractId is { } contractId)
            return (await db.Contracts.IgnoreQueryFilters().Where(c => c.Id == contractId).Select(c => c.ContractManager).SingleOrDefaultAsync(ct), Roles.ContractManager);
        if (notice.ProcurementId is { } procurementId)
            return (await db.Procurements.IgnoreQueryFilters().Where(p => p.Id == procurementId).Select(p => p.LeadOfficer).SingleOrDefaultAsync(ct), Roles.ProcurementOfficer);
        return (null, Roles.ProcurementOfficer);
    }
}
