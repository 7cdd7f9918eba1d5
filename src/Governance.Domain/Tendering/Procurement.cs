using System.ComponentModel.DataAnnotations;
using Governance.Domain.Calendar;
using Governance.Domain.Common;
using Governance.Domain.Organisation;

namespace Governance.Domain.Tendering;

/// <summary>A tender run by the council. Its public summary is readable by councillors and unions; bids are not.</summary>
public class Procurement : ArchivableEntity
{
    [Required, MaxLength(32)]
    public string Reference { get; set; } = "";

    [Required, MaxLength(300)]
    public string Title { get; set; } = "";

    [MaxLength(4000)]
    public string? Description { get; set; }

    public int DepartmentId { get; set; }

    public Department? Department { get; set; }

    [MaxLength(200)]
    public string? LeadOfficer { get; set; }

    [MaxLength(200)]
    public string? LeadMember { get; set; }

    public ProcurementProcedure Procedure { get; set; }

    /// <summary>Moved only by the procurement's workflow, never by a free-form update.</summary>
    [ServerManaged]
    public ProcurementStage Stage { get; set; }

    /// <summary>Estimated whole-life value in GBP, VAT inclusive.</summary>
    [Range(0, 1e15)]
    public decimal EstimatedValue { get; set; }

    /// <summary>The date the contract notice (PCR 2015) or tender notice (PA 2023) was sent: stamped by <see cref="SendContractNotice"/>.</summary>
    [ServerManaged]
    public DateOnly? ContractNoticeSentOn { get; set; }

    /// <summary>
    /// The advertised last day for requests to participate (Europe/London): planned when the procurement is
    /// created, fixed (and checked against reg 30) when the contract notice is sent. Requests close at its end.
    /// </summary>
    public DateOnly? ParticipationDeadline { get; set; }

    /// <summary>The day the procurement was started (created, or for imported history, its first record): decides which law applies.</summary>
    [ServerManaged]
    public DateOnly StartedOn { get; set; }

    /// <summary>When standstill ends: set as standstill begins, moved on by the time a challenge held it.</summary>
    [ServerManaged]
    public DateTime? StandstillEndsAt { get; set; }

    /// <summary>When a challenge suspended standstill; cleared when it is resolved.</summary>
    [ServerManaged]
    public DateTime? StandstillSuspendedAt { get; set; }

    public PriceScoringMethod PriceScoringMethod { get; set; }

    /// <summary>Why fewer than three candidates were invited, when that happened (reg 65).</summary>
    [ServerManaged, MaxLength(2000)]
    public string? ShortlistReason { get; set; }

    public ICollection<ProcurementStageDate> Stages { get; } = [];

    /// <summary>No further change is made to a procurement that was cancelled or has reached a signed contract.</summary>
    public bool IsClosed => Stage is ProcurementStage.Cancelled or ProcurementStage.ContractSigned;

    /// <summary>Rule <c>procurement-closed</c>: a cancelled or concluded procurement takes no more changes.</summary>
    public void CheckOpenForChange()
    {
        if (IsClosed)
            throw new BusinessRuleException("procurement-closed", $"Procurement {Reference} is {Stage}; it takes no more changes.");
    }

    /// <summary>
    /// Rule <c>pa2023-applies</c>: the Public Contracts Regulations 2015 govern only procurements started before
    /// 24 February 2025; from that day the Procurement Act 2023 applies (its competitive flexible procedure).
    /// </summary>
    public static void CheckProcedureApplies(ProcurementProcedure procedure, DateOnly startedOn)
    {
        if (procedure == ProcurementProcedure.CompetitiveDialogue && startedOn >= ProcurementLaw.Pa2023Commences)
        {
            throw new BusinessRuleException("pa2023-applies",
                $"A procurement started on {startedOn:d MMMM yyyy} is governed by the Procurement Act 2023: use the competitive flexible procedure, not the PCR 2015 competitive dialogue.",
                isInvalidInput: true);
        }
    }

    /// <summary>
    /// Stamps the day the contract (or tender) notice is sent and fixes the closing day for requests to
    /// participate. Rule <c>notice-sent-once</c>; rule <c>reg30-participation-period</c>: under PCR 2015 the
    /// closing day is at least 30 days after the notice; with none planned it is the 30th day. A closing day
    /// that is not a working day rolls to the next working day (see ADR 0011 for the basis).
    /// </summary>
    public void SendContractNotice(DateTime nowUtc, WorkingDays days)
    {
        if (ContractNoticeSentOn is not null)
            throw new BusinessRuleException("notice-sent-once", $"The notice was sent on {ContractNoticeSentOn:d MMMM yyyy}; it is sent once.");
        var sent = LondonTime.DateOf(nowUtc);
        CheckParticipationDeadline(sent, isInvalidInput: false);
        // With no closing day planned, the shortest period the procedure's law allows: 30 days (reg 30), or 25 (s.54).
        var closing = ParticipationDeadline ?? (Procedure == ProcurementProcedure.CompetitiveDialogue
            ? StatutoryClocks.Reg30EarliestParticipationDeadline(sent)
            : StatutoryClocks.Pa2023EarliestTenderDeadline(sent));
        ParticipationDeadline = days.OnOrNextWorkingDay(closing);
        ContractNoticeSentOn = sent;
    }

    /// <summary>
    /// Rule <c>reg30-participation-period</c>: under PCR 2015 the planned closing day for requests to participate
    /// is at least 30 days after a notice sent on <paramref name="noticeDay"/>. Checked when the procurement is
    /// planned (a notice sent that day) and again when the notice is sent.
    /// </summary>
    public void CheckParticipationDeadline(DateOnly noticeDay, bool isInvalidInput = true)
    {
        if (Procedure != ProcurementProcedure.CompetitiveDialogue || ParticipationDeadline is not { } planned)
            return;
        var earliest = StatutoryClocks.Reg30EarliestParticipationDeadline(noticeDay);
        if (planned < earliest)
        {
            throw new BusinessRuleException("reg30-participation-period",
                $"Requests to participate must be open for at least 30 days from the contract notice (reg 30): a notice sent on {noticeDay:d MMMM yyyy} allows a closing day of {earliest:d MMMM yyyy} at the earliest, not {planned:d MMMM yyyy}.",
                isInvalidInput);
        }
    }

    /// <summary>PCR 2015 reg 65: at least three candidates are invited, unless fewer suitable ones applied and the reason is recorded.</summary>
    public const int MinimumCandidates = 3;

    /// <summary>
    /// Shortlists the chosen candidates and tells the rest why not. Rules <c>selection-closed</c> (only at selection),
    /// <c>requests-still-open</c>, and <c>reg65-minimum-candidates</c>: at least three, or a recorded reason.
    /// </summary>
    public void Shortlist(IEnumerable<Bidder> candidates, IReadOnlySet<int> chosen, string? reason, DateTime nowUtc)
    {
        if (Stage != ProcurementStage.SelectionQuestionnaire)
            throw new BusinessRuleException("selection-closed", "Shortlisting happens at the selection stage.");
        CheckRequestsClosed(nowUtc);
        if (chosen.Count < MinimumCandidates && string.IsNullOrWhiteSpace(reason))
            throw new BusinessRuleException("reg65-minimum-candidates", "Invite at least three candidates (reg 65), or record why fewer suitable candidates were found.", isInvalidInput: true);
        foreach (var candidate in candidates)
            candidate.DecideShortlist(chosen.Contains(candidate.Id));
        ShortlistReason = chosen.Count < MinimumCandidates ? reason : null;
    }

    /// <summary>Whether requests to participate are still open: the notice is out and its closing day has not ended.</summary>
    public bool RequestsOpen(DateTime nowUtc) =>
        ContractNoticeSentOn is not null && (ParticipationDeadline is not { } deadline || LondonTime.DateOf(nowUtc) <= deadline);

    /// <summary>Rule <c>requests-still-open</c>: candidates are shortlisted only once requests to participate have closed.</summary>
    public void CheckRequestsClosed(DateTime nowUtc)
    {
        if (ContractNoticeSentOn is null)
            throw new BusinessRuleException("requests-still-open", "The contract notice has not been sent: there is nobody to shortlist yet.");
        if (RequestsOpen(nowUtc))
            throw new BusinessRuleException("requests-still-open", $"Requests to participate are open until the end of {ParticipationDeadline:d MMMM yyyy}; shortlist after they close.");
        if (Procedure == ProcurementProcedure.CompetitiveDialogue && LondonTime.DateOf(nowUtc) < StatutoryClocks.Reg30EarliestParticipationDeadline(ContractNoticeSentOn.Value))
            throw new BusinessRuleException("requests-still-open", "The 30-day period for requests to participate (reg 30) has not passed.");
    }

    /// <summary>Standstill begins: it ends at <paramref name="endsAt"/> by the procedure's clock (reg 87 or s.51).</summary>
    public void BeginStandstill(DateTime endsAt)
    {
        StandstillEndsAt = endsAt;
        StandstillSuspendedAt = null;
    }

    /// <summary>Rule <c>standstill-not-running</c>: a challenge suspends a running standstill, and the contract may not be entered.</summary>
    public void SuspendStandstill(DateTime nowUtc)
    {
        if (StandstillEndsAt is not { } ends || StandstillSuspendedAt is not null || nowUtc >= ends)
            throw new BusinessRuleException("standstill-not-running", "Only a running standstill can be suspended by a challenge.");
        StandstillSuspendedAt = nowUtc;
    }

    /// <summary>
    /// Resolving the challenge resumes the standstill for the time that was left of it when it was suspended: the
    /// new end is now plus what remained. Rule <c>standstill-not-suspended</c>.
    /// </summary>
    public DateTime ResumeStandstill(DateTime nowUtc)
    {
        if (StandstillEndsAt is not { } ends || StandstillSuspendedAt is not { } suspended)
            throw new BusinessRuleException("standstill-not-suspended", "Standstill is not suspended by a challenge.");
        var resumed = nowUtc + (ends - suspended);
        StandstillEndsAt = resumed;
        StandstillSuspendedAt = null;
        return resumed;
    }

    /// <summary>
    /// The award decision is re-made after a challenge: the suspended standstill is abandoned, and a new one will
    /// begin with the new decision's notices. Rule <c>standstill-not-suspended</c>.
    /// </summary>
    public void AbandonStandstill()
    {
        if (StandstillSuspendedAt is null)
            throw new BusinessRuleException("standstill-not-suspended", "Only an award decision whose standstill a challenge suspended is re-made.");
        StandstillEndsAt = null;
        StandstillSuspendedAt = null;
    }

    /// <summary>The end of standstill if it were resumed now: a suspended standstill keeps the time it had left.</summary>
    public DateTime? StandstillEndIfResumedAt(DateTime nowUtc) =>
        StandstillEndsAt is { } ends && StandstillSuspendedAt is { } suspended ? nowUtc + (ends - suspended) : StandstillEndsAt;
}

/// <summary>How price scores are computed, recorded before evaluation.</summary>
public enum PriceScoringMethod
{
    /// <summary>Price score = lowest price / this price x the price weight.</summary>
    LowestPriceRelative,

    /// <summary>Price score = the price weight x (1 - (this price - lowest) / lowest), floored at zero.</summary>
    DifferenceFromLowest,
}
