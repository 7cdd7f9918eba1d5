using Governance.Domain.Tendering;
using Governance.Domain.Tendering.Bids;
using static Governance.Domain.Tests.Tendering.Rules;

namespace Governance.Domain.Tests.Tendering;

/// <summary>Rule <c>stage-not-evaluated</c>: ranking, elimination and closing the dialogue wait until every remaining bidder is scored on every criterion.</summary>
public sealed class StageEvaluationRulesTests
{
    private static readonly EvaluationCriterion[] Criteria =
    [
        new() { Id = 1, Name = "Quality", Kind = CriterionKind.Quality, Weight = 70 },
        new() { Id = 2, Name = "Price", Kind = CriterionKind.Price, Weight = 30 },
    ];

    private static readonly Dictionary<int, string> Bidders = new() { [1] = "Alpha", [2] = "Beta" };

    [Fact]
    public void CheckComplete_AModeratedScoreMissing_NamesIt()
    {
        var evaluation = new StageEvaluation(ProcurementStage.FinalTenders, true, Criteria, [new ModeratedScore { BidderId = 1, CriterionId = 1, Value = 0 }],
            new Dictionary<int, decimal> { [1] = 100, [2] = 90 }, Bidders);
        var refused = Broken("stage-not-evaluated", () => evaluation.CheckComplete("A ranking"));
        Assert.Contains("Beta has no moderated score on 'Quality'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckComplete_BidsNotOpened_SaysSo()
    {
        var evaluation = new StageEvaluation(ProcurementStage.FinalTenders, false, Criteria, [], new Dictionary<int, decimal>(), Bidders);
        Assert.Contains("the FinalTenders bids have not been opened", evaluation.Missing);
        Assert.Contains("Alpha has no FinalTenders submission", evaluation.Missing);
    }

    [Fact]
    public void CheckComplete_EveryBidderScored_Holds()
    {
        var evaluation = new StageEvaluation(ProcurementStage.FinalTenders, true, Criteria,
            [new ModeratedScore { BidderId = 1, CriterionId = 1, Value = 6 }, new ModeratedScore { BidderId = 2, CriterionId = 1, Value = 7 }],
            new Dictionary<int, decimal> { [1] = 100, [2] = 90 }, Bidders);
        evaluation.CheckComplete("A ranking");
        Assert.True(evaluation.IsComplete);
    }
}
