using Governance.Domain.Tendering;
using static Governance.Domain.Tests.Tendering.Rules;

namespace Governance.Domain.Tests.Tendering;

/// <summary>The seal's rules on a stage: <c>deadline-set-once</c>, <c>deadline-in-future</c>, <c>deadline-passed</c>, <c>deadline-forward-only</c>, <c>reason-required</c>, <c>deadline-not-passed</c>, <c>opened-once</c>.</summary>
public sealed class SubmissionSealRulesTests
{
    private static ProcurementStageDate Stage(DateTime? deadline = null) => new() { Stage = ProcurementStage.OutlineSolutions, SubmissionDeadline = deadline };

    [Fact]
    public void SetSubmissionDeadline_OnceAndInTheFuture()
    {
        var stage = Stage();
        Broken("deadline-in-future", () => stage.SetSubmissionDeadline(Utc(2024, 7, 1), Utc(2024, 7, 2)));
        stage.SetSubmissionDeadline(Utc(2024, 7, 19, 12), Utc(2024, 7, 2));
        Broken("deadline-set-once", () => stage.SetSubmissionDeadline(Utc(2024, 7, 20, 12), Utc(2024, 7, 2)));
        Broken("submission-stage", () => new ProcurementStageDate { Stage = ProcurementStage.Standstill }.SetSubmissionDeadline(Utc(2024, 7, 20), Utc(2024, 7, 2)));
    }

    [Fact]
    public void ExtendDeadline_ForwardOnly_BeforeItPasses_WithAReason()
    {
        var stage = Stage(Utc(2024, 7, 19, 12));
        Broken("deadline-forward-only", () => stage.ExtendDeadline(Utc(2024, 7, 18, 12), "Earlier", Utc(2024, 7, 10)));
        Broken("reason-required", () => stage.ExtendDeadline(Utc(2024, 7, 22, 12), " ", Utc(2024, 7, 10)));
        Broken("deadline-passed", () => stage.ExtendDeadline(Utc(2024, 7, 22, 12), "Too late", Utc(2024, 7, 19, 13)));
        stage.ExtendDeadline(Utc(2024, 7, 22, 12), "More time after a clarification.", Utc(2024, 7, 10));
        Assert.Equal(Utc(2024, 7, 22, 12), stage.SubmissionDeadline);
        Assert.Equal("More time after a clarification.", stage.DeadlineChangeReason);
    }

    [Fact]
    public void OpenSubmissions_OnlyAfterTheDeadline_Once_RecordingWhoAndWhen()
    {
        var stage = Stage(Utc(2024, 7, 19, 12));
        Broken("deadline-not-passed", () => stage.OpenSubmissions("lead@council", Utc(2024, 7, 19, 12)));
        Broken("deadline-not-passed", () => Stage().OpenSubmissions("lead@council", Utc(2024, 7, 19, 13)));
        stage.OpenSubmissions("lead@council", Utc(2024, 7, 19, 13));
        Assert.True(stage.IsOpened);
        Assert.Equal("lead@council", stage.SubmissionsOpenedBy);
        Broken("opened-once", () => stage.OpenSubmissions("other@council", Utc(2024, 7, 19, 14)));
    }
}
