using Governance.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Jobs;

/// <summary>When a recurring job last ran to its end, in the database: the truth about missed runs outlives Hangfire's memory.</summary>
public class RecurringRun
{
    [System.ComponentModel.DataAnnotations.MaxLength(64)]
    public string Id { get; set; } = "";

    public DateTime LastRunAt { get; set; }
}

/// <summary>Runs a recurring job by its id and records the run.</summary>
public sealed class RecurringJobRunner(IServiceProvider services, GovernanceDbContext db, TimeProvider time)
{
    public async Task RunAsync(string id, CancellationToken ct)
    {
        var job = RecurringJobs.All.SingleOrDefault(j => j.Id == id) ?? throw new InvalidOperationException($"No recurring job '{id}'.");
        var started = time.GetUtcNow().UtcDateTime;
        await job.Run(services, ct);
        await RecordAsync(db, id, started, ct);
    }

    /// <summary>Moves the job's last run forward (never back: two hosts may finish in either order).</summary>
    public static async Task RecordAsync(GovernanceDbContext db, string id, DateTime ranAt, CancellationToken ct)
    {
        if (await db.RecurringRuns.Where(r => r.Id == id && r.LastRunAt < ranAt).ExecuteUpdateAsync(u => u.SetProperty(r => r.LastRunAt, ranAt), ct) == 1)
            return;
        if (await db.RecurringRuns.AnyAsync(r => r.Id == id, ct))
            return;
        db.RecurringRuns.Add(new RecurringRun { Id = id, LastRunAt = ranAt });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another host recorded the first run at the same moment.
        }
    }
}
