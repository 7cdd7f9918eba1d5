using Governance.Domain.Tendering;
using Governance.Domain.Tendering.Bids;
using static Governance.Domain.Tests.Tendering.Rules;

namespace Governance.Domain.Tests.Tendering;

/// <summary>Rules <c>best-price-quality-ratio</c> and <c>reg66-criteria-in-advance</c>.</summary>
public sealed class AwardRulesTests
{
    [Fact]
    public void CheckBest_AnyButTheFirstRanked_BreaksBestPriceQualityRatio()
    {
        IReadOnlyList<RankedBidder> ranking = [new(7, 55, 27, 82, 1, 3_100_000), new(8, 42, 30, 72, 2, 2_900_000)];
        Broken("best-price-quality-ratio", () => Ranking.CheckBest(ranking, 8));
        Broken("best-price-quality-ratio", () => Ranking.CheckBest(ranking, null));
        Assert.Equal(7, Ranking.CheckBest(ranking, 7).BidderId);
    }

    [Fact]
    public void CheckCriteriaStatedInAdvance_CriterionRecordedAfterTheStageOpened_BreaksReg66()
    {
        var opened = Utc(2024, 7, 4);
        TenderingRules.CheckCriteriaStatedInAdvance(ProcurementStage.OutlineSolutions, [Utc(2024, 7, 1)], opened);
        Broken("reg66-criteria-in-advance", () => TenderingRules.CheckCriteriaStatedInAdvance(ProcurementStage.OutlineSolutions, [Utc(2024, 7, 1), Utc(2024, 7, 5)], opened));
        Broken("reg66-criteria-in-advance", () => TenderingRules.CheckCriteriaStatedInAdvance(ProcurementStage.OutlineSolutions, [], opened));
    }
}
