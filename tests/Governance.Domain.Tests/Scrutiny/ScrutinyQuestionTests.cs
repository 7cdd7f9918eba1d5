using Governance.Domain.Calendar;
using Governance.Domain.Common;
using Governance.Domain.Scrutiny;

namespace Governance.Domain.Tests.Scrutiny;

public sealed class ScrutinyQuestionTests
{
    [Fact]
    public void Ask_RecordsWhoAndWhen_AndIsDueInTenWorkingDays_OnOneSubjectOnly()
    {
        var question = new ScrutinyQuestion { AgendaItemId = 2, Question = "Why?" };
        question.Ask("councillor@demo.local", new DateTime(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc), WorkingDays.EnglandAndWales);
        Assert.Equal("councillor@demo.local", question.AskedBy);
        Assert.Equal(new DateOnly(2027, 3, 15), question.DueOn); // Monday 1 March + 10 working days

        var both = new ScrutinyQuestion { AgendaItemId = 2, ContractId = 1, Question = "Why?" };
        var refused = Assert.Throws<BusinessRuleException>(() => both.Ask("x", DateTime.UtcNow, WorkingDays.EnglandAndWales));
        Assert.Equal("question-subject", refused.Rule);
        Assert.True(refused.IsInvalidInput);
    }
}
