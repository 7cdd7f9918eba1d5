using Governance.Domain.Calendar;
using Governance.Domain.Contracts;
using Governance.Domain.Performance;

namespace Governance.Api.Features.Performance;

/// <summary>When a period's return is due: ten working days after the period ends, in England and Wales.</summary>
public sealed class ReturnDeadlines(StatutoryClocks clocks, TimeProvider time)
{
    public const int ReturnDueWorkingDays = 10;

    public DateOnly Today => LondonTime.DateOf(time.GetUtcNow().UtcDateTime);

    public DateOnly DueDate(Frequency frequency, DateOnly period) => clocks.Days.AddWorkingDays(SlipRules.PeriodEnd(frequency, period), ReturnDueWorkingDays);

    /// <summary>Whether the period's return is owed by now: its due date has passed.</summary>
    public bool IsDue(Frequency frequency, DateOnly period) => Today > DueDate(frequency, period);
}
