using Governance.Domain.Common;

namespace Governance.Domain.Appraisal;

/// <summary>What must be true before an options appraisal can be approved.</summary>
public static class AppraisalRules
{
    /// <summary>Throws the named rule that fails, or returns when the appraisal may be approved.</summary>
    public static void CheckApprovable(
        OptionsAppraisal appraisal, IReadOnlyCollection<AppraisalOption> options, IReadOnlyCollection<AppraisalCriterion> criteria, IReadOnlyCollection<OptionScore> scores)
    {
        if (appraisal.Status == AppraisalStatus.Approved)
            throw new BusinessRuleException("appraisal-approved-once", "This appraisal is already approved; a changed case is a new appraisal.");
        if (criteria.Count == 0)
            throw new BusinessRuleException("appraisal-criteria", "State the criteria the options are scored on before approval.");
        var comparator = options.FirstOrDefault(o => o.IsInHouseComparator);
        if (comparator is null)
            throw new BusinessRuleException("in-house-comparator", "An in-house comparator must be appraised before a preferred option can be approved.");
        foreach (var option in options)
        {
            var missing = criteria.Where(c => !scores.Any(s => s.AppraisalOptionId == option.Id && s.AppraisalCriterionId == c.Id)).Select(c => c.Name).ToList();
            if (missing.Count > 0)
            {
                var rule = option.IsInHouseComparator ? "in-house-comparator" : "options-scored-alike";
                throw new BusinessRuleException(rule, $"Option '{option.Name}' is not scored on: {string.Join(", ", missing)}. Every option, the in-house comparator included, is scored on the same criteria.");
            }
        }

        if (appraisal.PreferredOptionId is not { } preferred || options.All(o => o.Id != preferred))
            throw new BusinessRuleException("preferred-option", "Name the preferred option (one of this appraisal's options) before approval.");
        CheckPreferenceExplained(appraisal, options, criteria, scores);
    }

    /// <summary>
    /// Rule <c>preference-rationale</c>: a preferred option that does not have the highest weighted score needs a
    /// recorded rationale, which the approving statutory officer and the committee paper show.
    /// </summary>
    public static void CheckPreferenceExplained(
        OptionsAppraisal appraisal, IReadOnlyCollection<AppraisalOption> options, IReadOnlyCollection<AppraisalCriterion> criteria, IReadOnlyCollection<OptionScore> scores)
    {
        var preferred = options.Single(o => o.Id == appraisal.PreferredOptionId);
        var preferredScore = WeightedScore(preferred, criteria, scores);
        var best = options.Select(o => (Option: o, Score: WeightedScore(o, criteria, scores))).MaxBy(o => o.Score);
        if (best.Score > preferredScore && string.IsNullOrWhiteSpace(appraisal.PreferenceRationale))
        {
            throw new BusinessRuleException("preference-rationale",
                $"The preferred option '{preferred.Name}' scores {preferredScore:0.0}, below '{best.Option.Name}' at {best.Score:0.0}: record the PreferenceRationale before approval.");
        }
    }

    /// <summary>Weighted score of an option out of 100.</summary>
    public static decimal WeightedScore(AppraisalOption option, IReadOnlyCollection<AppraisalCriterion> criteria, IReadOnlyCollection<OptionScore> scores)
    {
        var totalWeight = criteria.Sum(c => c.Weight);
        if (totalWeight == 0)
            return 0;
        var weighted = criteria.Sum(c => (scores.FirstOrDefault(s => s.AppraisalOptionId == option.Id && s.AppraisalCriterionId == c.Id)?.Value ?? 0) / 10m * c.Weight);
        return Math.Round(weighted / totalWeight * 100m, 2);
    }
}
