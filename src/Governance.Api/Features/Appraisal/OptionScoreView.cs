namespace Governance.Api.Features.Appraisal;

/// <summary>One option of an appraisal with its weighted score out of 100.</summary>
public sealed class OptionScoreView
{
    public int OptionId { get; set; }

    public string Name { get; set; } = "";

    public string Kind { get; set; } = "";

    public bool IsInHouseComparator { get; set; }

    public bool Preferred { get; set; }

    public decimal WholeLifeCost { get; set; }

    public decimal WeightedScore { get; set; }
}
