namespace Governance.Api.Features.Performance;

public sealed class PeriodRatingView
{
    public DateOnly Period { get; set; }

    public decimal Score { get; set; }

    public string Rag { get; set; } = "";

    public int KpisReported { get; set; }
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

    public int RedPeriods { get; set; }

    public string Basis { get; set; } = "";

    /// <summary>Whether the supplier was given an opportunity to improve (an agreed remediation plan) before this rating.</summary>
    public bool OpportunityToImproveRecorded { get; set; }

    /// <summary>A poor rating is published only after an opportunity to improve (s.71(4)).</summary>
    public bool Publishable { get; set; }

    public List<PeriodRatingView> Periods { get; set; } = [];
}

public sealed class ServiceCreditView
{
    public DateOnly Period { get; set; }

    public int RedKpis { get; set; }

    /// <summary>Percentage of the monthly charge, after the cap.</summary>
    public decimal Percent { get; set; }

    public decimal Amount { get; set; }
}

/// <summary>A supplier's share of the council's live contract value.</summary>
public sealed class SupplierDependencyView
{
    public int SupplierId { get; set; }

    public string Supplier { get; set; } = "";

    public decimal ContractValue { get; set; }

    public decimal SharePercent { get; set; }

    /// <summary>Over the configured share (default 25%): too big to fail.</summary>
    public bool OverThreshold { get; set; }
}
