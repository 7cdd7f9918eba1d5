using Governance.Api.Auth;
using Governance.Api.Features.Notifications;
using Governance.Api.Features.Tendering;
using Governance.Api.Features.Workflows.Guards;
using Governance.Api.Features.Workflows.Subjects;
using Governance.Domain.Calendar;
using Governance.Workflows.Loading;
using Governance.Workflows.Runtime;

namespace Governance.Api.Features.Workflows;

public static class WorkflowRegistration
{
    /// <summary>The workflow runtime and everything a definition may name: guards, actions, clocks and subjects.</summary>
    public static IHostApplicationBuilder AddGovernanceWorkflows(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<WorkflowDefinitions>();
        services.AddSingleton(StatutoryClocks.EnglandAndWales);
        services.AddSingleton<IWorkflowClock, WorkflowClock>();

        services.AddScoped<IWorkflowGuard, CommentGivenGuard>();
        services.AddScoped<IWorkflowGuard, RungHolderGuard>();
        services.AddScoped<SignOffGates>();
        services.AddScoped<Scrutiny.SignOffDecider>();
        services.AddScoped<IWorkflowGuard, SignOffGuard>();
        services.AddScoped<IWorkflowGuard, ShortlistReadyGuard>();
        services.AddScoped<IWorkflowGuard, ParticipationPeriodGuard>();
        services.AddScoped<IWorkflowGuard, TenderingPeriodGuard>();
        services.AddScoped<IWorkflowGuard, AppraisalApprovedGuard>();
        services.AddScoped<IWorkflowGuard, CriteriaFixedGuard>();
        services.AddScoped<IWorkflowGuard, StageEvaluatedGuard>();
        services.AddScoped<IWorkflowGuard, PreferredBidderChosenGuard>();
        services.AddScoped<IWorkflowGuard, ConsultationGuard>();
        services.AddScoped<IWorkflowAction, NotifyAction>();
        services.AddScoped<IWorkflowAction, AwardLettersAction>();
        services.AddScoped<IWorkflowAction, RequestSignOffAction>();
        services.AddScoped<IWorkflowAction, Notices.RaiseNoticeAction>();
        services.AddScoped<IWorkflowGuard, Notices.NoticePublishedGuard>();
        services.AddScoped<Notices.NoticeDesk>();
        services.AddScoped<Notices.NoticeContent>();
        services.AddScoped<Notices.NoticeRemindersJob>();
        services.AddScoped<IWorkflowSubjectType, ProcurementSubject>();
        services.AddScoped<IWorkflowSubjectType, EscalationSubject>();
        services.AddScoped(sp =>
        {
            var subjects = sp.GetServices<IWorkflowSubjectType>().ToList();
            return new WorkflowVocabulary(
                Roles.All, subjects.Select(s => s.SubjectType), subjects, sp.GetServices<IWorkflowGuard>(), sp.GetServices<IWorkflowAction>(),
                sp.GetRequiredService<IWorkflowClock>());
        });
        services.AddScoped<WorkflowRuntime>();
        services.AddScoped<WorkflowCommands>();
        services.AddScoped<FireDueTimersJob>();
        services.AddScoped<Scrutiny.ScrutinyDeadlinesJob>();
        services.AddScoped<ProcurementTeam>();
        services.AddScoped<ProcurementEvaluation>();
        services.AddScoped<BidderLetters>();
        services.AddScoped<Tendering.Bids.EvaluationChecks>();
        services.AddScoped<Tendering.Bids.Clarifications>();
        services.AddScoped<Tendering.Bids.SubmissionDesk>();

        services.AddScoped<NotificationOutbox>();
        services.AddScoped<NotificationSubjects>();
        services.AddScoped<NamedPeople>();
        services.AddScoped<DeliverNotificationsJob>();
        services.AddScoped<Idempotency.IdempotencyExpiryJob>();
        services.Configure<SmtpOptions>(builder.Configuration.GetSection("Smtp"));
        if (string.IsNullOrWhiteSpace(builder.Configuration["Smtp:Host"]))
            services.AddScoped<INotificationSender, LogNotificationSender>();
        else
            services.AddScoped<INotificationSender, SmtpNotificationSender>();
        return builder;
    }
}
