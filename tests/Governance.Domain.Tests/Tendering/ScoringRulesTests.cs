using Governance.Domain.Tendering.Bids;
using static Governance.Domain.Tests.Tendering.Rules;

namespace Governance.Domain.Tests.Tendering;

/// <summary>Rules <c>one-live-score</c>, <c>score-range</c>, <c>moderation-needs-scores</c>, <c>moderation-correction</c>, and voiding on a declared conflict.</summary>
public sealed class ScoringRulesTests
{
    [Fact]
    public void NextVersion_SecondScoreWithoutAReason_BreaksOneLiveScore()
    {
        Assert.Equal(1, Score.NextVersion([], 7, null));
        Broken("one-live-score", () => Score.NextVersion([new Score { Version = 1 }], 8, null));
        Assert.Equal(2, Score.NextVersion([new Score { Version = 1 }], 8, "Missed the appendix."));
        Broken("score-range", () => Score.NextVersion([], 11, null));
    }

    [Fact]
    public void Void_ByADeclaredConflict_KeepsTheScoreMarkedVoid()
    {
        var score = new Score { Value = 9, Version = 1 };
        score.Void(new ConflictDeclaration { Description = "Former employee.", DeclaredAt = Utc(2024, 9, 21) });
        Assert.True(score.IsVoid);
        Assert.Equal(9, score.Value);
        Assert.Equal("Conflict of interest declared: Former employee.", score.VoidReason);
    }

    [Fact]
    public void ModeratedNextVersion_NeedsALiveIndividualScore_AndACorrectionNeedsAReason()
    {
        var voided = new Score { Version = 1, VoidedAt = Utc(2024, 9, 21) };
        Broken("moderation-needs-scores", () => ModeratedScore.NextVersion([], [], 6, null));
        Broken("moderation-needs-scores", () => ModeratedScore.NextVersion([], [voided], 6, null));
        var live = new Score { Version = 1 };
        Assert.Equal(1, ModeratedScore.NextVersion([], [live], 6, null));
        Broken("moderation-correction", () => ModeratedScore.NextVersion([new ModeratedScore { Version = 1 }], [live], 7, null));
        Assert.Equal(2, ModeratedScore.NextVersion([new ModeratedScore { Version = 1 }], [live], 7, "Arithmetic slip."));
    }

    [Fact]
    public void Latest_TakesTheNewestVersionOfEachBidderAndCriterion()
    {
        var latest = ModeratedScore.Latest([
            new ModeratedScore { BidderId = 1, CriterionId = 1, Version = 1, Value = 5 },
            new ModeratedScore { BidderId = 1, CriterionId = 1, Version = 2, Value = 7 },
            new ModeratedScore { BidderId = 2, CriterionId = 1, Version = 1, Value = 6 }]);
        Assert.Equal([7m, 6m], latest.OrderBy(m => m.BidderId).Select(m => m.Value));
    }
}
