using Governance.Workflows.Definitions;
using Governance.Workflows.Loading;
using Governance.Workflows.Runtime;

namespace Governance.Workflows.Tests;

/// <summary>A small vocabulary of the kind the application registers, with guards whose answers a test sets.</summary>
internal sealed class TestVocabulary
{
    public Dictionary<string, bool> GuardAnswers { get; } = new(StringComparer.Ordinal);

    public List<ActionContext> ActionsRun { get; } = [];

    public WorkflowVocabulary Build() => new(
        ["ProcurementOfficer", "ContractManager", "Councillor"],
        ["Procurement", "Escalation"],
        [new Dates()],
        [new Guard("comment:given", this), new Guard("signoff:", this), new Guard("procurement:shortlist-ready", this)],
        [new Notify(this)],
        new Clock());

    private sealed class Guard(string name, TestVocabulary owner) : IWorkflowGuard
    {
        public string Name => name;

        public string Description => name;

        public Task<bool> HoldsAsync(GuardContext context, CancellationToken ct) =>
            Task.FromResult(context.Guard == "comment:given" ? !string.IsNullOrWhiteSpace(context.Comment) : owner.GuardAnswers.GetValueOrDefault(context.Guard));
    }

    private sealed class Notify(TestVocabulary owner) : IWorkflowAction
    {
        public string Name => "notify";

        public IReadOnlyList<string> RequiredParameters { get; } = ["role", "subject"];

        public Task RunAsync(ActionContext context, CancellationToken ct)
        {
            owner.ActionsRun.Add(context);
            return Task.CompletedTask;
        }
    }

    private sealed class Clock : IWorkflowClock
    {
        public bool HasRule(string rule) => rule == "ten-days";

        public DateTime DueAfter(TimerDelay delay, DateTime enteredUtc) => enteredUtc.AddDays(delay.CalendarDays ?? delay.WorkingDays ?? delay.ClearDays ?? 0);

        public DateTime DueByRule(string rule, DateTime enteredUtc) => enteredUtc.AddDays(10);
    }

    private sealed class Dates : ISubjectDates
    {
        public string SubjectType => "Escalation";

        public IReadOnlySet<string> Properties { get; } = new HashSet<string> { "RespondBy" };

        public Task<DateTime?> GetAsync(int subjectId, string propertyName, CancellationToken ct) =>
            Task.FromResult<DateTime?>(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc));
    }
}
