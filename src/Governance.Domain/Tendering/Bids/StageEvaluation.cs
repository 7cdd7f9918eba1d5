using Governance.Domain.Common;

namespace Governance.Domain.Tendering.Bids;

/// <summary>
/// Whether a stage has been evaluated: its bids opened, and every bidder still competing has a bid and a live
/// moderated score on every quality criterion. Ranking, elimination and closing the dialogue all read this.
/// </summary>
public sealed class StageEvaluation(
    ProcurementStage stage, bool opened, IReadOnlyCollection<EvaluationCriterion> criteria, IReadOnlyCollection<ModeratedScore> moderated,
    IReadOnlyDictionary<int, decimal> prices, IReadOnlyDictionary<int, string> bidders, IReadOnlyCollection<TenderChangeRequest>? changeRequests = null)
{
    /// <summary>What is missing, in words a procurement officer can act on; empty when the stage is evaluated.</summary>
    public IReadOnlyList<string> Missing { get; } = [.. FindMissing(stage, opened, criteria, moderated, prices, bidders), .. Undecided(changeRequests ?? [], bidders)];

    public bool IsComplete => Missing.Count == 0;

    /// <summary>Rule <c>stage-not-evaluated</c>: what needs an evaluated stage is refused, naming what is missing.</summary>
    public void CheckComplete(string doing)
    {
        if (!IsComplete)
            throw new BusinessRuleException("stage-not-evaluated", $"{doing} needs {stage} evaluated; missing: {string.Join("; ", Missing)}.");
    }

    /// <summary>A tender change the council asked for is part of the tender once decided: until then the stage is not evaluated.</summary>
    private static IEnumerable<string> Undecided(IReadOnlyCollection<TenderChangeRequest> requests, IReadOnlyDictionary<int, string> bidders) =>
        requests.Where(r => r.Status is ChangeRequestStatus.Open or ChangeRequestStatus.Answered && bidders.ContainsKey(r.BidderId)).Select(r => r.Status == ChangeRequestStatus.Open
            ? $"{bidders[r.BidderId]} has not answered the {r.Kind} request {r.Id}"
            : $"{bidders[r.BidderId]}'s {r.Kind} (request {r.Id}) awaits a second team member's decision");

    private static List<string> FindMissing(
        ProcurementStage stage, bool opened, IReadOnlyCollection<EvaluationCriterion> criteria, IReadOnlyCollection<ModeratedScore> moderated,
        IReadOnlyDictionary<int, decimal> prices, IReadOnlyDictionary<int, string> bidders)
    {
        var missing = new List<string>();
        if (!opened)
            missing.Add($"the {stage} bids have not been opened");
        if (criteria.Count == 0)
            missing.Add($"no criteria for {stage}");
        if (bidders.Count == 0)
            missing.Add("no bidder is still competing");
        foreach (var (id, name) in bidders)
        {
            if (!prices.ContainsKey(id))
                missing.Add($"{name} has no {stage} submission");
            missing.AddRange(criteria.Where(c => c.Kind == CriterionKind.Quality && !moderated.Any(m => m.BidderId == id && m.CriterionId == c.Id))
                .Select(c => $"{name} has no moderated score on '{c.Name}'"));
        }

        return missing;
    }
}
