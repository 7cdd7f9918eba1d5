using Governance.Api.Features.Notifications;
using Governance.Api.Features.Performance;
using Governance.Api.Features.Workflows;
using Governance.Domain.Calendar;
using Hangfire;

namespace Governance.Api.Jobs;

/// <summary>Every recurring job, with a stable id, its cron and the Europe/London time zone. Jobs only trigger; the database holds what is due.</summary>
public static class RecurringJobs
{
    public const string WorkflowTimers = "workflow-timers";
    public const string NotificationDelivery = "notification-delivery";
    public const string SlipDetection = "slip-detection";
    public const string ContractReminders = "contract-reminders";
    public const string ScrutinyDeadlines = "scrutiny-deadlines";
    public const string AuditCheckpoint = "audit-checkpoint";
    public const string IdempotencyExpiry = "idempotency-expiry";

    public static void Register(IRecurringJobManager jobs, IConfiguration configuration)
    {
        var london = new RecurringJobOptions { TimeZone = LondonTime.Zone };
        jobs.AddOrUpdate<FireDueTimersJob>(WorkflowTimers, j => j.RunAsync(CancellationToken.None), configuration["Jobs:WorkflowTimersCron"] ?? Cron.Minutely(), london);
        jobs.AddOrUpdate<DeliverNotificationsJob>(NotificationDelivery, j => j.RunAsync(CancellationToken.None), configuration["Jobs:NotificationDeliveryCron"] ?? Cron.Minutely(), london);
        jobs.AddOrUpdate<Features.Contracts.ContractRemindersJob>(ContractReminders, j => j.RunAsync(CancellationToken.None), configuration["Jobs:ContractRemindersCron"] ?? Cron.Daily(7), london);
        jobs.AddOrUpdate<Features.Scrutiny.ScrutinyDeadlinesJob>(ScrutinyDeadlines, j => j.RunAsync(CancellationToken.None), configuration["Jobs:ScrutinyDeadlinesCron"] ?? Cron.Daily(8), london);
        jobs.AddOrUpdate<Features.Audit.AuditCheckpointJob>(AuditCheckpoint, j => j.RunAsync(CancellationToken.None), configuration["Jobs:AuditCheckpointCron"] ?? "*/15 * * * *", london);
        jobs.AddOrUpdate<Features.Idempotency.IdempotencyExpiryJob>(IdempotencyExpiry, j => j.RunAsync(CancellationToken.None), configuration["Jobs:IdempotencyExpiryCron"] ?? Cron.Daily(3), london);
        jobs.AddOrUpdate<SlipDetectionJob>(SlipDetection, j => j.RunAsync(CancellationToken.None), configuration["Jobs:SlipDetectionCron"] ?? Cron.Daily(6), london);
    }
}
