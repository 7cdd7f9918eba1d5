namespace Governance.Api.Features.Performance;

/// <summary>
/// A result computed from what the reader may see: when exempt inputs were left out it says how many and that the
/// figure is not the council's, so that a reader never takes a partial result for the whole.
/// </summary>
public interface IWithholdingView
{
    int WithheldKpis { get; set; }

    string? WithheldNote { get; set; }
}

public static class Withholding
{
    public static T Label<T>(this T view, int withheldKpis)
        where T : IWithholdingView
    {
        view.WithheldKpis = withheldKpis;
        view.WithheldNote = withheldKpis == 0 ? null
            : $"{withheldKpis} of this contract's KPIs are exempt information (Schedule 12A) and are left out of this result: it is computed from the KPIs you may see, and it is not the council's figure.";
        return view;
    }
}

public sealed class PeriodRatingView : IWithholdingView
{
    public DateOnly Period { get; set; }

    public decimal Score { get; set; }

    public string Rag { get; set; } = "";

    public int KpisReported { get; set; }

    /// <summary>KPI returns owed for the period and not made by their due date (counted as the policy says, and flagged).</summary>
    public int NotReported { get; set; }

    /// <summary>Returns disputed by the contract manager, counted at the manager's figure or red.</summary>
    public int Disputed { get; set; }

    /// <summary>Supplier returns the council has not yet verified.</summary>
    public int Unverified { get; set; }

    public int WithheldKpis { get; set; }

    public string? WithheldNote { get; set; }

    public static PeriodRatingView Of(Domain.Performance.PeriodRating p) => new()
    {
        Period = p.Period, Score = p.Score, Rag = p.Rag.ToString(), KpisReported = p.KpisReported, NotReported = p.NotReported, Disputed = p.Disputed, Unverified = p.Unverified,
    };
}

/// <summary>One KPI's result in one period, as the rating counts it.</summary>
public sealed class KpiPeriodView : IWithholdingView
{
    public int WithheldKpis { get; set; }

    public string? WithheldNote { get; set; }

    public int IndicatorId { get; set; }

    public string Code { get; set; } = "";

    public DateOnly Period { get; set; }

    /// <summary>The value counted: the return, or the contract manager's figure for a disputed one; null when none counts.</summary>
    public decimal? CountedValue { get; set; }

    public string Rag { get; set; } = "";

    /// <summary>Verified, Unverified, Disputed or NotReported.</summary>
    public string State { get; set; } = "";
}

/// <summary>One KPI's own rating over the assessed year.</summary>
public sealed class KpiAssessmentView
{
    public int IndicatorId { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string Rating { get; set; } = "";

    public decimal AverageScore { get; set; }

    public int PeriodsAssessed { get; set; }

    public int RedPeriods { get; set; }

    public int NotReported { get; set; }

    public int Disputed { get; set; }

    public string Basis { get; set; } = "";
}

/// <summary>The data of a contract performance notice (UK9) for one year (Procurement Act 2023 s.71).</summary>
public sealed class AnnualAssessmentView
{
    public int ContractId { get; set; }

    public string ContractReference { get; set; } = "";

    public string Supplier { get; set; } = "";

    public int Year { get; set; }

    /// <summary>Good, ApproachingTarget, RequiresImprovement, Inadequate or Other (Procurement Regulations 2024 reg 39(5)).</summary>
    public string Rating { get; set; } = "";

    public decimal AverageScore { get; set; }

    public int PeriodsAssessed { get; set; }

    /// <summary>Months of the year within the contract's term whose returns were due.</summary>
    public int PeriodsInYear { get; set; }

    public int RedPeriods { get; set; }

    public int NotReportedReturns { get; set; }

    public string Basis { get; set; } = "";

    /// <summary>The thresholds behind the rating, in words: they are the council's policy, not the statute's.</summary>
    public string Policy { get; set; } = "";

    public string PolicyLabel { get; set; } = "";

    /// <summary>The annual KPI assessment is always publishable (s.71(2)); the improve-first rule governs a separate notice.</summary>
    public bool Publishable { get; set; } = true;

    /// <summary>When this assessment was published as a UK9 notice; null while it is only a draft rating.</summary>
    public DateTime? PublishedAt { get; set; }

    public List<PeriodRatingView> Periods { get; set; } = [];

    public List<KpiAssessmentView> Kpis { get; set; } = [];

    /// <summary>KPIs left out of this view because they are exempt information the reader may not see (0 when nothing was withheld).</summary>
    public int WithheldKpis { get; set; }

    /// <summary>Says so when something was withheld, so that a reader never takes a partial rating for the whole.</summary>
    public string? WithheldNote { get; set; }
}

public sealed class ServiceCreditView : IWithholdingView
{
    public int WithheldKpis { get; set; }

    public string? WithheldNote { get; set; }

    public DateOnly Period { get; set; }

    public int RedKpis { get; set; }

    /// <summary>Of the red KPIs, those red because no return was made by the due date.</summary>
    public int NotReported { get; set; }

    public int Disputed { get; set; }

    /// <summary>Percentage of the monthly charge, after the cap.</summary>
    public decimal Percent { get; set; }

    public decimal Amount { get; set; }
}

/// <summary>A supplier's share of the council's live contract value.</summary>
public sealed class SupplierDependencyView
{
    /// <summary>Live contracts left out because they are exempt information the reader may not see (0 when none were).</summary>
    public int WithheldContracts { get; set; }

    public string? WithheldNote { get; set; }

    public int SupplierId { get; set; }

    public string Supplier { get; set; } = "";

    public decimal ContractValue { get; set; }

    public decimal SharePercent { get; set; }

    /// <summary>Over the configured share (default 25%): too big to fail.</summary>
    public bool OverThreshold { get; set; }
}
