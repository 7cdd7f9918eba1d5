using Governance.Domain.Calendar;
using Governance.Workflows.Definitions;
using Governance.Workflows.Runtime;

namespace Governance.Api.Features.Workflows;

/// <summary>Timer arithmetic on the England and Wales working-day calendar, in Europe/London days.</summary>
internal sealed class WorkflowClock(StatutoryClocks clocks) : IWorkflowClock
{
    public const string Reg87 = "pcr2015-reg87";
    public const string Reg87ByPost = "pcr2015-reg87-post";
    public const string Pa2023S51 = "pa2023-s51";

    private readonly Dictionary<string, Func<DateTime, DateTime>> rules = new(StringComparer.Ordinal)
    {
        [Reg87] = sent => clocks.Reg87StandstillEnds(sent, sentElectronically: true),
        [Reg87ByPost] = sent => clocks.Reg87StandstillEnds(sent, sentElectronically: false),
        [Pa2023S51] = clocks.Pa2023StandstillEnds,
    };

    public bool HasRule(string rule) => rules.ContainsKey(rule);

    public DateTime DueByRule(string rule, DateTime enteredUtc) => rules[rule](enteredUtc);

    /// <summary>
    /// Due at the end of the last day counted from the day of entry. Counting forward, N clear working days end
    /// at the same instant as N working days: the day of entry is never counted.
    /// </summary>
    public DateTime DueAfter(TimerDelay delay, DateTime enteredUtc)
    {
        var entered = LondonTime.DateOf(enteredUtc);
        var last = delay switch
        {
            { CalendarDays: { } n } => entered.AddDays(n),
            { WorkingDays: { } n } => clocks.Days.AddWorkingDays(entered, n),
            { ClearDays: { } n } => clocks.Days.AddWorkingDays(entered, n),
            _ => throw new ArgumentException("A delay needs one count.", nameof(delay)),
        };
        return LondonTime.EndOfDayUtc(last);
    }
}
