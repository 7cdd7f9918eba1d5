using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.Features.Notifications;
using Governance.Domain.Calendar;
using Governance.Domain.Scrutiny;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Scrutiny;

/// <summary>
/// Daily: warns democratic services two working days before a paper's s.100B deadline and when it is late, and
/// escalates unanswered scrutiny questions past their due date to democratic services and the monitoring
/// officer. Each warning has its own key, so it is sent once.
/// </summary>
public sealed class ScrutinyDeadlinesJob(GovernanceDbContext db, NotificationOutbox outbox, TimeProvider time, StatutoryClocks clocks)
{
    public async Task RunAsync(CancellationToken ct)
    {
        var today = LondonTime.DateOf(time.GetUtcNow().UtcDateTime);
        var soon = clocks.Days.AddWorkingDays(today, 2);
        var unpublished = await db.AgendaItems.AsNoTracking().Where(a => a.PaperPublishedAt == null && a.PublicationDeadline <= soon).ToListAsync(ct);
        foreach (var item in unpublished)
        {
            var late = item.PublicationDeadline < today;
            var subject = late
                ? $"Late paper: '{item.Title}' missed its publication deadline of {item.PublicationDeadline:d MMMM yyyy}"
                : $"Paper due: '{item.Title}' must be published by {item.PublicationDeadline:d MMMM yyyy}";
            await outbox.AddAsync($"agenda:{item.Id}:{(late ? "late" : "due")}", Roles.DemocraticServicesOfficer, null, subject,
                "Five clear working days' notice is required before the meeting (Local Government Act 1972 s.100B).", Notifications.PortalLinks.For(nameof(AgendaItem), item.Id), (nameof(AgendaItem), item.Id), ct);
        }

        var overdue = await db.ScrutinyQuestions.AsNoTracking().Where(q => q.Answer == null && q.DueOn < today).ToListAsync(ct);
        foreach (var question in overdue)
        {
            foreach (var role in new[] { Roles.DemocraticServicesOfficer, Roles.StatutoryOfficer })
            {
                await outbox.AddAsync($"question:{question.Id}:overdue:{role}", role, null, $"Scrutiny question unanswered since {question.DueOn:d MMMM yyyy}",
                    question.Question, Notifications.PortalLinks.For(nameof(ScrutinyQuestion), question.Id), (nameof(ScrutinyQuestion), question.Id), ct);
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
