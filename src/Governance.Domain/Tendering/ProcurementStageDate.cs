using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;

namespace Governance.Domain.Tendering;

/// <summary>
/// A stage of a procurement's timetable: when it was planned to start, when it did, and, for a stage that takes
/// submissions, its deadline and the recorded opening of its bids. The deadline and the opening are what the seal
/// reads, so they change only through <see cref="SetSubmissionDeadline"/>, <see cref="ExtendDeadline"/> and
/// <see cref="OpenSubmissions"/>.
/// </summary>
public class ProcurementStageDate : Entity, IProcurementRecord
{
    public int ProcurementId { get; set; }

    public ProcurementStage Stage { get; set; }

    public DateOnly? PlannedOn { get; set; }

    /// <summary>Set by the workflow when the procurement enters the stage.</summary>
    [ServerManaged]
    public DateOnly? ActualOn { get; set; }

    /// <summary>For stages that take submissions: the instant they close (UTC). Submissions stay sealed until then, and until opened.</summary>
    [ServerManaged]
    public DateTime? SubmissionDeadline { get; set; }

    /// <summary>Why the deadline last moved (an extension), as told to the bidders.</summary>
    [ServerManaged, MaxLength(2000)]
    public string? DeadlineChangeReason { get; set; }

    /// <summary>When the stage's bids were opened: after the deadline, by a named member of the team.</summary>
    [ServerManaged]
    public DateTime? SubmissionsOpenedAt { get; set; }

    [ServerManaged, MaxLength(256)]
    public string? SubmissionsOpenedBy { get; set; }

    /// <summary>Whether the stage's bids have been opened; before that nobody on the council side reads them.</summary>
    public bool IsOpened => SubmissionsOpenedAt is not null;

    /// <summary>Days late: how far the actual start fell after the plan, or, for a stage not yet reached, how far today is past it.</summary>
    public int? SlippageDays(DateOnly today) => PlannedOn is not { } planned ? null
        : ActualOn is { } actual && actual <= today ? actual.DayNumber - planned.DayNumber
        : today > planned ? today.DayNumber - planned.DayNumber
        : null;

    /// <summary>
    /// Rule <c>timetable-order</c>: planned dates follow the order of the stages; a later stage is not planned before
    /// an earlier one.
    /// </summary>
    public static void CheckPlannedOrder(IEnumerable<ProcurementStageDate> timetable)
    {
        var planned = timetable.Where(d => d.PlannedOn is not null).OrderBy(d => d.Stage).ToList();
        foreach (var (earlier, later) in planned.Zip(planned.Skip(1)))
        {
            if (later.PlannedOn < earlier.PlannedOn)
            {
                throw new BusinessRuleException("timetable-order",
                    $"PlannedOn {later.PlannedOn:d MMMM yyyy} for {later.Stage} is before {earlier.Stage}, planned for {earlier.PlannedOn:d MMMM yyyy}.", isInvalidInput: true);
            }
        }
    }

    /// <summary>
    /// Sets the stage's submission deadline once. Rule <c>submission-stage</c>: only a stage that takes submissions
    /// has one; rule <c>deadline-set-once</c>: a deadline already set moves only by <see cref="ExtendDeadline"/>;
    /// rule <c>deadline-in-future</c>: a deadline is set ahead of now.
    /// </summary>
    public void SetSubmissionDeadline(DateTime deadlineUtc, DateTime nowUtc)
    {
        if (!TenderingRules.SubmissionStages.Contains(Stage))
            throw new BusinessRuleException("submission-stage", $"{Stage} takes no submissions, so it has no deadline.", isInvalidInput: true);
        if (SubmissionDeadline is not null)
            throw new BusinessRuleException("deadline-set-once", $"The {Stage} deadline is already set; extend it with ExtendDeadline, giving a reason.");
        if (deadlineUtc <= nowUtc)
            throw new BusinessRuleException("deadline-in-future", "A submission deadline is set in the future.", isInvalidInput: true);
        SubmissionDeadline = deadlineUtc;
    }

    /// <summary>
    /// Moves the deadline later, with a reason the bidders are told. Rule <c>deadline-passed</c>: only before the
    /// deadline passes; rule <c>deadline-forward-only</c>: never earlier; rule <c>reason-required</c>.
    /// </summary>
    public void ExtendDeadline(DateTime newDeadlineUtc, string? reason, DateTime nowUtc)
    {
        if (SubmissionDeadline is not { } current)
            throw new BusinessRuleException("deadline-not-set", $"The {Stage} stage has no deadline to extend; set one first.");
        if (nowUtc > current)
            throw new BusinessRuleException("deadline-passed", $"The {Stage} deadline passed at {current:yyyy-MM-dd HH:mm} UTC; it can no longer be moved.");
        if (newDeadlineUtc <= current)
            throw new BusinessRuleException("deadline-forward-only", $"A deadline moves forward only: the new one must be after {current:yyyy-MM-dd HH:mm} UTC.", isInvalidInput: true);
        if (string.IsNullOrWhiteSpace(reason))
            throw new BusinessRuleException("reason-required", "Say why the deadline is extended; every bidder is told.", isInvalidInput: true);
        SubmissionDeadline = newDeadlineUtc;
        DeadlineChangeReason = reason;
    }

    /// <summary>
    /// Records the opening of the stage's bids by a member of the team. Rule <c>deadline-not-passed</c>: only after
    /// the deadline; rule <c>opened-once</c>.
    /// </summary>
    public void OpenSubmissions(string openedBy, DateTime nowUtc)
    {
        if (SubmissionDeadline is not { } deadline || nowUtc <= deadline)
            throw new BusinessRuleException("deadline-not-passed", $"Bids for {Stage} stay sealed until their deadline has passed{(SubmissionDeadline is { } d ? $" ({d:yyyy-MM-dd HH:mm} UTC)" : "")}.");
        if (IsOpened)
            throw new BusinessRuleException("opened-once", $"The {Stage} bids were opened at {SubmissionsOpenedAt:yyyy-MM-dd HH:mm} UTC by {SubmissionsOpenedBy}.");
        SubmissionsOpenedAt = nowUtc;
        SubmissionsOpenedBy = openedBy;
    }
}
