using Governance.Api.Data;
using Governance.Domain.Documents;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Documents;

/// <summary>
/// Generates a meeting's pack item by item, saving progress after each so that it can be read while it runs.
/// Safe to run twice: a finished job does nothing, and a retried one resumes after the last item it completed.
/// </summary>
public sealed class GeneratePackJob(GovernanceDbContext db, CommitteePapers papers, TimeProvider time, ILogger<GeneratePackJob> logger)
{
    public async Task RunAsync(int jobId, CancellationToken ct)
    {
        var job = await db.DocumentJobs.SingleOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null || job.Status == DocumentJobStatus.Completed)
            return;
        job.Status = DocumentJobStatus.Running;
        job.StartedAt ??= time.GetUtcNow().UtcDateTime;
        job.Error = null;
        await db.SaveChangesAsync(ct);

        var items = await db.AgendaItems.IgnoreQueryFilters([ExemptionFilter.Name]).Where(a => a.MeetingId == job.MeetingId)
            .OrderBy(a => a.Number).ThenBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
        job.ItemsTotal = items.Count;
        try
        {
            foreach (var itemId in items.Skip(job.ItemsDone))
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var documents = await papers.PublishPackItemAsync(itemId, job.RequestedBy, ct);
                await db.SaveChangesAsync(ct);
                job.ItemDone(documents.Select(d => d.Id));
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                // The combined pack last: its front sheet and papers are the ones just published.
                var pack = await papers.PublishPackAsync(job.MeetingId, job.RequestedBy, ct);
                job.Produced([pack.Document.Id]);
                job.Complete(time.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Pack job {JobId} failed after {Done} of {Total} items", job.Id, job.ItemsDone, job.ItemsTotal);
            db.ChangeTracker.Clear();
            var failed = await db.DocumentJobs.SingleAsync(j => j.Id == jobId, CancellationToken.None);
            failed.Status = DocumentJobStatus.Failed;
            failed.Error = "Generation stopped at an agenda item; the items before it are published. Retrying resumes from there.";
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }
}
