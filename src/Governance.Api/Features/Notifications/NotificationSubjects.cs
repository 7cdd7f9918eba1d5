using Governance.Api.Data;
using Governance.Domain.Calendar;
using Governance.Domain.Contracts;
using Governance.Domain.Escalations;
using Governance.Domain.Tendering;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Notifications;

/// <summary>What a notification says about its record: a title a person recognises, who is named as responsible, and what is due when.</summary>
/// <param name="Manager">Who manages the contract the record is about (an escalation's contract manager, whatever rung it is at).</param>
public sealed record SubjectFacts(string Title, string? NamedPerson, DateTime? DueUtc, string? Manager = null);

/// <summary>
/// Reads the facts of the record a notification is about. Tracked entities come first (FindAsync), so that a workflow
/// action sees the owner and deadline its subject was given a moment earlier in the same unit of work.
/// </summary>
public sealed class NotificationSubjects(GovernanceDbContext db)
{
    // Titles of what escalations are about, read once per unit of work: a timer sweep escalates many on one contract.
    private readonly Dictionary<(string, int), string?> titles = [];

    public async Task<SubjectFacts> FactsAsync(string type, int id, CancellationToken ct)
    {
        switch (type)
        {
            case nameof(Escalation) when await db.Escalations.FindAsync([id], ct) is { } escalation:
                var about = escalation.ContractId is { } contractId ? await TitleAsync(nameof(Contract), contractId, ct)
                    : escalation.InternalSlaId is { } slaId ? await TitleAsync("InternalSla", slaId, ct) : null;
                var title = $"escalation {id}" + (about is null ? "" : $" on {about}") + (escalation.Summary is { Length: > 0 } summary ? $" ({summary})" : "");
                var manager = escalation.ContractId is { } managed ? await db.Contracts.AsNoTracking().Where(c => c.Id == managed).Select(c => c.ContractManager).SingleOrDefaultAsync(ct) : null;
                return new SubjectFacts(title, escalation.Owner, escalation.RespondBy, manager);
            case nameof(Procurement) when await db.Procurements.FindAsync([id], ct) is { } procurement:
                return new SubjectFacts($"procurement {procurement.Reference}, {procurement.Title}", procurement.LeadOfficer, null);
            case nameof(Contract) when await db.Contracts.FindAsync([id], ct) is { } contract:
                return new SubjectFacts($"contract {contract.Reference}, {contract.Title}", contract.ContractManager, null, contract.ContractManager);
            default:
                return new SubjectFacts($"{type} {id}", null, null);
        }
    }

    private async Task<string?> TitleAsync(string type, int id, CancellationToken ct)
    {
        if (!titles.TryGetValue((type, id), out var title))
        {
            titles[(type, id)] = title = type == nameof(Contract)
                ? await db.Contracts.AsNoTracking().Where(c => c.Id == id).Select(c => c.Title).SingleOrDefaultAsync(ct)
                : await db.InternalSlas.AsNoTracking().Where(s => s.Id == id).Select(s => s.Title).SingleOrDefaultAsync(ct);
        }

        return title;
    }

    /// <summary>"Respond by Friday 18 December 2026 at 23:59 (UK time)." in the council's own time zone.</summary>
    public static string DueSentence(DateTime dueUtc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(dueUtc, DateTimeKind.Utc), LondonTime.Zone);
        return $"Respond by {local:dddd d MMMM yyyy} at {local:HH:mm} (UK time), or it moves on by itself.";
    }

    /// <summary>
    /// The page the e-mail links to: the notification's own link when it is a portal page, else the page of the record
    /// it is about, else the stored address (an API path where the record has no page).
    /// </summary>
    public static string PagePath(string? type, int? id, string? link) =>
        PortalLinks.IsPage(link) ? link! : PortalLinks.For(type, id) ?? link ?? "/";
}
