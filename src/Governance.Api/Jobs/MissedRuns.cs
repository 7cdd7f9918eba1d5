using Cronos;
using Governance.Api.Data;
using Governance.Api.Features.Documents;
using Governance.Domain.Calendar;
using Governance.Domain.Documents;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Jobs;

/// <summary>
/// At start-up, before the job server takes work: Hangfire only triggers, the database is the truth. A recurring run
/// that fell due while no host was up (its last recorded run is older than its latest occurrence) runs now; a pack
/// that was queued or half-made when the host stopped is queued again (it resumes after its last finished item). On
/// a shared Hangfire storage a pack may then be queued twice: the job is safe to run twice.
/// </summary>
public static class MissedRuns
{
    public static async Task<(IReadOnlyList<string> Triggered, int PacksRequeued)> CatchUpAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
        var configuration = scope.ServiceProvider.GetRequiredService<IConfiguration>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var manager = scope.ServiceProvider.GetRequiredService<IRecurringJobManager>();
        var last = await db.RecurringRuns.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.LastRunAt, ct);
        var triggered = new List<string>();
        foreach (var job in RecurringJobs.All)
        {
            if (!last.TryGetValue(job.Id, out var lastRun))
            {
                await RecurringJobRunner.RecordAsync(db, job.Id, now, ct); // a new database: nothing was missed
                continue;
            }

            var text = RecurringJobs.CronOf(job, configuration);
            // Hangfire takes five fields, or six with seconds first.
            var cron = CronExpression.Parse(text, text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            if (cron.GetNextOccurrence(DateTime.SpecifyKind(lastRun, DateTimeKind.Utc), LondonTime.Zone) is { } due && due <= now)
            {
                manager.Trigger(job.Id);
                triggered.Add(job.Id);
            }
        }

        var jobs = scope.ServiceProvider.GetRequiredService<IBackgroundJobClient>();
        var unfinished = await db.DocumentJobs.AsNoTracking()
            .Where(j => j.Status == DocumentJobStatus.Queued || j.Status == DocumentJobStatus.Running).Select(j => j.Id).ToListAsync(ct);
        foreach (var id in unfinished)
            jobs.Enqueue<GeneratePackJob>(j => j.RunAsync(id, CancellationToken.None));
        return (triggered, unfinished.Count);
    }
}
