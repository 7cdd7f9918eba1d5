using Governance.Domain.Common;

namespace Governance.Domain.Tendering;

/// <summary>A stage of a procurement's timetable: when it was planned to start, when it did, and its submission deadline.</summary>
public class ProcurementStageDate : Entity, IProcurementRecord
{
    public int ProcurementId { get; set; }

    public ProcurementStage Stage { get; set; }

    public DateOnly? PlannedOn { get; set; }

    /// <summary>Set by the workflow when the procurement enters the stage.</summary>
    [ServerManaged]
    public DateOnly? ActualOn { get; set; }

    /// <summary>For stages that take submissions: the instant they close (UTC). Submissions stay sealed until then.</summary>
    public DateTime? SubmissionDeadline { get; set; }

    /// <summary>Days late: how far the actual start fell after the plan, or, for a stage not yet reached, how far today is past it.</summary>
    public int? SlippageDays(DateOnly today) => PlannedOn is not { } planned ? null
        : ActualOn is { } actual ? actual.DayNumber - planned.DayNumber
        : today > planned ? today.DayNumber - planned.DayNumber
        : null;
}
