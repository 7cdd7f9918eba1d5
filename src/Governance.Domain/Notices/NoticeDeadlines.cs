using Governance.Domain.Calendar;

namespace Governance.Domain.Notices;

/// <summary>
/// Each notice's deadline from the event that starts its clock, with the words of the provision it follows. Days are
/// Europe/London dates; "within 30 days beginning with" a day counts that day as the first.
/// </summary>
public static class NoticeDeadlines
{
    /// <summary>The council's reading of s.55's "as soon as reasonably practicable": five working days (a policy, not the statute's number).</summary>
    public const int ProcurementTerminationWorkingDays = 5;

    public static (DateOnly DueOn, string Rule) For(NoticeType type, DateOnly triggeredOn, StatutoryClocks clocks) => type switch
    {
        NoticeType.UK4 => (triggeredOn, "PA 2023 s.21: the tender notice is published when the procedure begins."),
        NoticeType.UK6 => (triggeredOn, "PA 2023 s.50: the contract award notice is published before the contract is entered into; the s.51 standstill begins with it."),
        NoticeType.UK7 => (StatutoryClocks.Pa2023ContractDetailsNoticeDue(triggeredOn), "PA 2023 s.53: within 30 days beginning with the day the contract is entered into."),
        NoticeType.UK9 => (StatutoryClocks.Pa2023PerformanceNoticeDue(triggeredOn), "PA 2023 s.71: within 30 days beginning with the day of the assessment."),
        NoticeType.UK10 => (triggeredOn, "PA 2023 s.75: the contract change notice is published before the contract is modified."),
        NoticeType.UK11 => (triggeredOn.AddDays(29), "PA 2023 s.80: within 30 days beginning with the day the contract is terminated."),
        NoticeType.UK12 => (clocks.ProcurementActDays.AddWorkingDays(triggeredOn, ProcurementTerminationWorkingDays),
            $"PA 2023 s.55: as soon as reasonably practicable after deciding not to award; the council's policy reads that as {ProcurementTerminationWorkingDays} working days."),
        NoticeType.UK17 => (triggeredOn.AddDays(29), "PA 2023 s.69: within 30 days beginning with the last day of the six-month reporting period."),
        NoticeType.PcrContractNotice => (triggeredOn, "PCR 2015 reg 49: the contract notice is sent when the call for competition is made."),
        NoticeType.PcrContractAwardNotice => (StatutoryClocks.Reg50AwardNoticeDue(triggeredOn), "PCR 2015 reg 50: not later than 30 days after the award."),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Whether the type is one of the Procurement Act 2023's notices (else PCR 2015's).</summary>
    public static bool IsProcurementAct(NoticeType type) => type is not (NoticeType.PcrContractNotice or NoticeType.PcrContractAwardNotice);

    /// <summary>Whether the notice is about a contract (else a procurement, or for UK17 the council itself).</summary>
    public static bool IsAboutContract(NoticeType type) => type is NoticeType.UK7 or NoticeType.UK9 or NoticeType.UK10 or NoticeType.UK11;

    /// <summary>
    /// PA 2023 s.69 and the Procurement Regulations 2024: payments are reported for the six months to 31 March and to
    /// 30 September. The last reporting period that ended before the day, with its last day.
    /// </summary>
    public static (DateOnly First, DateOnly Last) LastPaymentsPeriodBefore(DateOnly day)
    {
        var march = new DateOnly(day.Month > 3 ? day.Year : day.Year - 1, 3, 31);
        var september = new DateOnly(day.Month > 9 ? day.Year : day.Year - 1, 9, 30);
        return march > september ? (september.AddDays(1), march) : (march.AddDays(1), september);
    }

    public static string Describe(NoticeType type) => type switch
    {
        NoticeType.UK4 => "Tender notice (UK4)",
        NoticeType.UK6 => "Contract award notice (UK6)",
        NoticeType.UK7 => "Contract details notice (UK7)",
        NoticeType.UK9 => "Contract performance notice (UK9)",
        NoticeType.UK10 => "Contract change notice (UK10)",
        NoticeType.UK11 => "Contract termination notice (UK11)",
        NoticeType.UK12 => "Procurement termination notice (UK12)",
        NoticeType.UK17 => "Payments compliance notice (UK17)",
        NoticeType.PcrContractNotice => "Contract notice (PCR 2015)",
        NoticeType.PcrContractAwardNotice => "Contract award notice (PCR 2015)",
        _ => type.ToString(),
    };
}
