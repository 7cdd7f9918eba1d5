using Governance.Api.Data;
using Governance.Api.Data.Audit;
using Governance.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Workflows;

/// <summary>
/// Fires every due timer once. Safe to run twice and on several servers at once: each batch first takes the
/// audit chain's lock (which every write takes first, so locks are always taken in the same order), and only
/// timers still unfired inside that lock are fired.
/// </summary>
public sealed class FireDueTimersJob(GovernanceDbContext db, WorkflowCommands commands, TimeProvider time, ILogger<FireDueTimersJob> logger)
{
    public const int BatchSize = 500;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var fired = 0;
        while (true)
        {
            var (processed, accepted) = await FireBatchAsync(now, ct);
            fired += accepted;
            if (processed < BatchSize)
                break;
        }

        if (fired > 0)
            logger.LogInformation("Fired {Count} due workflow timers", fired);
        return fired;
    }

    private async Task<(int Processed, int Accepted)> FireBatchAsync(DateTime now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await AuditWriter.LockChainAsync(db, ct);
        var due = await commands.OpenTimers
            .Where(t => t.DueAt <= now)
            .OrderBy(t => t.DueAt).ThenBy(t => t.Id)
            .Take(BatchSize)
            .ToListAsync(ct);
        if (due.Count == 0)
            return (0, 0);

        var instanceIds = due.Select(t => t.WorkflowInstanceId).Distinct().ToList();
        var instances = await db.Set<WorkflowInstance>().Where(i => instanceIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        // Everything the fires read, for the whole batch at once rather than a query or three per fire.
        var open = await commands.LoadForFiringAsync(instances.Values, ct);

        var accepted = 0;
        foreach (var timer in due)
        {
            if (timer.CancelledAt is not null)
                continue; // an earlier timer in this batch moved the instance on and cancelled this one
            timer.FiredAt = now;
            var instance = instances[timer.WorkflowInstanceId];
            if (instance.State != timer.State)
            {
                timer.Outcome = $"not fired: the instance is in {instance.State}, not {timer.State}";
                continue;
            }

            var outcome = await commands.FireAsync(
                instance, timer.Trigger, WorkflowActor.System("timer"), $"Timer due {timer.DueAt:yyyy-MM-dd HH:mm} UTC", ct, [.. open[instance.Id]]);
            timer.Outcome = outcome switch
            {
                FireOutcome.Accepted a => $"fired: {a.From} to {a.To}",
                FireOutcome.GuardsUnmet g => $"not fired: unmet {string.Join(", ", g.Guards)}",
                _ => $"not fired: {outcome.GetType().Name}",
            };
            if (outcome is FireOutcome.Accepted)
                accepted++;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (due.Count, accepted);
    }
}
