using Governance.Api.Data;
using Governance.Domain.Common;
using Governance.Domain.Documents;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Documents;

/// <summary>Queues a meeting's pack as a background job: one path for the API's action and the portal's button.</summary>
public sealed class MeetingPacks(GovernanceDbContext db, IBackgroundJobClient jobs, TimeProvider time)
{
    /// <returns>The queued job; null when the meeting does not exist.</returns>
    /// <exception cref="BusinessRuleException">empty-agenda: there is nothing to put in a pack.</exception>
    public async Task<DocumentJob?> QueueAsync(int meetingId, string requestedBy, CancellationToken ct)
    {
        if (!await db.Meetings.AnyAsync(m => m.Id == meetingId, ct))
            return null;
        var items = await db.AgendaItems.IgnoreQueryFilters([ExemptionFilter.Name]).CountAsync(a => a.MeetingId == meetingId, ct);
        if (items == 0)
            throw new BusinessRuleException("empty-agenda", "The meeting has no agenda items, so there is no pack to generate.");
        var job = new DocumentJob
        {
            MeetingId = meetingId, Status = DocumentJobStatus.Queued, ItemsTotal = items, RequestedBy = requestedBy, RequestedAt = time.GetUtcNow().UtcDateTime,
        };
        db.DocumentJobs.Add(job);
        await db.SaveChangesAsync(ct);
        jobs.Enqueue<GeneratePackJob>(j => j.RunAsync(job.Id, CancellationToken.None));
        return job;
    }
}
