using Governance.Domain.Appraisal;
using static Governance.Domain.Tests.Tendering.Rules;

namespace Governance.Domain.Tests.Tendering;

/// <summary>Rule <c>preference-rationale</c>: preferring an option that scored lower than another needs a recorded reason.</summary>
public sealed class PreferenceRationaleRulesTests
{
    private static readonly AppraisalOption Blended = new() { Id = 1, Name = "Option 3: blended" };
    private static readonly AppraisalOption InHouse = new() { Id = 2, Name = "Option 2: in-house", IsInHouseComparator = true };
    private static readonly AppraisalCriterion[] Criteria = [new() { Id = 1, Name = "Value", Weight = 100 }];
    private static readonly OptionScore[] Scores =
    [
        new() { AppraisalOptionId = 1, AppraisalCriterionId = 1, Value = 6.5m },
        new() { AppraisalOptionId = 2, AppraisalCriterionId = 1, Value = 6.75m },
    ];

    [Fact]
    public void CheckPreferenceExplained_LowerScoringPreferenceWithoutRationale_IsRefusedNamingBothScores()
    {
        var appraisal = new OptionsAppraisal { PreferredOptionId = 1 };
        var refused = Broken("preference-rationale", () => AppraisalRules.CheckPreferenceExplained(appraisal, [Blended, InHouse], Criteria, Scores));
        Assert.Contains("65.0", refused.Message, StringComparison.Ordinal);
        Assert.Contains("67.5", refused.Message, StringComparison.Ordinal);
        appraisal.PreferenceRationale = "The in-house option needs capital the council does not have in this period.";
        AppraisalRules.CheckPreferenceExplained(appraisal, [Blended, InHouse], Criteria, Scores);
        AppraisalRules.CheckPreferenceExplained(new OptionsAppraisal { PreferredOptionId = 2 }, [Blended, InHouse], Criteria, Scores);
    }
}
