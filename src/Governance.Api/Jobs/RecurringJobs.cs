using Governance.Api.Features.Notifications;
using Governance.Api.Features.Performance;
using Governance.Api.Features.Workflows;
using Governance.Domain.Calendar;
using Hangfire;

namespace Governance.Api.Jobs;

/// <summary>One recurring job: a stable id, its cron in Europe/London time (overridable as Jobs:&lt;Setting&gt;), and what it runs.</summary>
public sealed record RecurringJobDefinition(string Id, string Setting, string DefaultCron, Func<IServiceProvider, CancellationToken, Task> Run);

/// <summary>
/// Every recurring job. Jobs only trigger; the database holds what is due. Hangfire runs each through
/// <see cref="RecurringJobRunner"/>, which records the run in the database, so that a run that fell due while no host
/// was up is made when one starts (<see cref="MissedRuns"/>), whatever Hangfire's storage remembers.
/// </summary>
public static class RecurringJobs
{
    public const string WorkflowTimers = "workflow-timers";
    public const string NotificationDelivery = "notification-delivery";
    public const string SlipDetection = "slip-detection";
    public const string ContractReminders = "contract-reminders";
    public const string NoticeReminders = "notice-reminders";
    public const string ScrutinyDeadlines = "scrutiny-deadlines";
    public const string AuditCheckpoint = "audit-checkpoint";
    public const string IdempotencyExpiry = "idempotency-expiry";

    public static readonly IReadOnlyList<RecurringJobDefinition> All =
    [
        new(WorkflowTimers, "WorkflowTimersCron", Cron.Minutely(), (s, ct) => s.GetRequiredService<FireDueTimersJob>().RunAsync(ct)),
        new(NotificationDelivery, "NotificationDeliveryCron", Cron.Minutely(), (s, ct) => s.GetRequiredService<DeliverNotificationsJob>().RunAsync(ct)),
        new(ContractReminders, "ContractRemindersCron", Cron.Daily(7), (s, ct) => s.GetRequiredService<Features.Contracts.ContractRemindersJob>().RunAsync(ct)),
        new(NoticeReminders, "NoticeRemindersCron", Cron.Daily(7, 15), (s, ct) => s.GetRequiredService<Features.Notices.NoticeRemindersJob>().RunAsync(ct)),
        new(ScrutinyDeadlines, "ScrutinyDeadlinesCron", Cron.Daily(8), (s, ct) => s.GetRequiredService<Features.Scrutiny.ScrutinyDeadlinesJob>().RunAsync(ct)),
        new(AuditCheckpoint, "AuditCheckpointCron", "*/15 * * * *", (s, ct) => s.GetRequiredService<Features.Audit.AuditCheckpointJob>().RunAsync(ct)),
        new(IdempotencyExpiry, "IdempotencyExpiryCron", Cron.Daily(3), (s, ct) => s.GetRequiredService<Features.Idempotency.IdempotencyExpiryJob>().RunAsync(ct)),
        new(SlipDetection, "SlipDetectionCron", Cron.Daily(6), (s, ct) => s.GetRequiredService<SlipDetectionJob>().RunAsync(ct)),
    ];

    public static string CronOf(RecurringJobDefinition job, IConfiguration configuration) => configuration[$"Jobs:{job.Setting}"] ?? job.DefaultCron;

    public static void Register(IRecurringJobManager jobs, IConfiguration configuration)
    {
        var london = new RecurringJobOptions { TimeZone = LondonTime.Zone };
        foreach (var job in All)
        {
            var id = job.Id;
            jobs.AddOrUpdate<RecurringJobRunner>(id, r => r.RunAsync(id, CancellationToken.None), CronOf(job, configuration), london);
        }
    }
}
