namespace Governance.Api.Features.Tendering;

/// <summary>One stage of a timetable: planned against actual, and the days of slippage.</summary>
public sealed class StageTimetableView
{
    public string Stage { get; set; } = "";

    public DateOnly? PlannedOn { get; set; }

    public DateOnly? ActualOn { get; set; }

    public int? SlippageDays { get; set; }
}

/// <summary>A procurement behind its timetable: the stage it should have reached and by how many days.</summary>
public sealed class LateProcurementView
{
    public int ProcurementId { get; set; }

    public string Reference { get; set; } = "";

    public string Title { get; set; } = "";

    public string Stage { get; set; } = "";

    public string OverdueStage { get; set; } = "";

    public DateOnly PlannedOn { get; set; }

    public int DaysLate { get; set; }
}

public sealed class RankingView
{
    public int BidderId { get; set; }

    public string Supplier { get; set; } = "";

    public decimal QualityScore { get; set; }

    public decimal PriceScore { get; set; }

    public decimal Total { get; set; }

    public int Rank { get; set; }

    public decimal? Price { get; set; }
}
