using System.Net;
using Governance.Api.Features.Scrutiny;
using Governance.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Governance.Api.Tests.Infrastructure.TenderApi;

namespace Governance.Api.Tests.Scrutiny;

public sealed class ScrutinyTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task SeedAgendaItem_DeadlineIsFiveClearWorkingDaysBeforeTheMeeting()
    {
        using var councillor = await app.ClientForAsync("Councillor");
        var item = (await councillor.GetJsonAsync("/odata/AgendaItems?$filter=Title eq 'Customer Contact Programme update'")).GetProperty("value")[0];
        Assert.Equal("2014-09-29", item.GetProperty("PublicationDeadline").GetString());
        Assert.False(item.GetProperty("PublishedLate").GetBoolean());
    }

    [Fact]
    public async Task Paper_PublishedAfterTheDeadline_IsLate_AndTheJobWarnsOnce()
    {
        using var dso = await app.ClientForAsync("DemocraticServicesOfficer");
        var meeting = (await CreatedAsync(dso, "/odata/Meetings", new { CommitteeId = 1, StartsAt = DateTime.UtcNow.AddDays(2).ToString("O", System.Globalization.CultureInfo.InvariantCulture), Venue = "Council Chamber" })).GetProperty("Id").GetInt32();
        var item = (await CreatedAsync(dso, "/odata/AgendaItems", new { MeetingId = meeting, Number = 1, Title = $"Late paper {Guid.NewGuid():N}" })).GetProperty("Id").GetInt32();
        for (var run = 0; run < 2; run++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ScrutinyDeadlinesJob>().RunAsync(Ct);
        }

        var warnings = await dso.GetJsonAsync($"/odata/Notifications?$filter=Link eq '/manage/items/{item}'");
        Assert.Equal(1, warnings.Count());
        Assert.StartsWith("Late paper", warnings.GetProperty("value")[0].GetProperty("Subject").GetString(), StringComparison.Ordinal);
        var published = await OkAsync(dso, $"/odata/AgendaItems({item})/Governance.PublishPaper", new { });
        Assert.True(published.GetProperty("PublishedLate").GetBoolean());
        using var councillor = await app.ClientForAsync("Councillor");
        await RefusedAsync(councillor, $"/odata/AgendaItems({item})/Governance.PublishPaper", new { }, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ForwardPlan_PublishedToday_NeedsTwentyEightClearDays_OrAnUrgencyRoutesConditions()
    {
        using var dso = await app.ClientForAsync("DemocraticServicesOfficer");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var decision = today.AddDays(20);
        var urgent = new { Title = "Urgent award", CommitteeId = 3, DecisionDate = Iso(decision), KeyDecision = true };
        Assert.Contains("forward-plan-28-clear-days", await RefusedAsync(dso, "/odata/ForwardPlanEntries", urgent, HttpStatusCode.Conflict), StringComparison.Ordinal);
        Assert.Contains("forward-plan-special-urgency", await RefusedAsync(dso, "/odata/ForwardPlanEntries",
            new { urgent.Title, urgent.CommitteeId, urgent.DecisionDate, urgent.KeyDecision, UrgencyRoute = "SpecialUrgency", UrgencyReason = "Grant funding deadline." }, HttpStatusCode.Conflict), StringComparison.Ordinal);

        var agreed = await CreatedAsync(dso, "/odata/ForwardPlanEntries", new
        {
            urgent.Title, urgent.CommitteeId, urgent.DecisionDate, urgent.KeyDecision, UrgencyRoute = "SpecialUrgency", UrgencyReason = "Grant funding deadline.",
            ScrutinyChair = "Cllr Helen Marsh", ScrutinyChairAgreedOn = Iso(today), UrgencyNoticePublishedOn = Iso(today),
        });
        Assert.False(agreed.GetProperty("NoticeGiven").GetBoolean());

        // The publication date is the server's: a client cannot back-date the notice to make 28 days.
        Assert.Contains("ServerManaged", await RefusedAsync(dso, "/odata/ForwardPlanEntries",
            new { urgent.Title, urgent.CommitteeId, urgent.DecisionDate, urgent.KeyDecision, PublishedOn = Iso(today.AddDays(-60)) }, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        var planned = await CreatedAsync(dso, "/odata/ForwardPlanEntries", new { Title = "Planned award", CommitteeId = 3, DecisionDate = Iso(today.AddDays(40)), KeyDecision = true });
        Assert.Equal(Iso(today), planned.GetProperty("PublishedOn").GetString());
        Assert.True(planned.GetProperty("NoticeGiven").GetBoolean());
        Assert.Equal(Iso(today.AddDays(11)), planned.GetProperty("LatestNoticeDate").GetString());
    }

    [Fact]
    public async Task Questions_AnsweredByOfficers_AndOverdueOnesEscalate()
    {
        using var councillor = await app.ClientForAsync("Councillor");
        var question = await CreatedAsync(councillor, "/odata/ScrutinyQuestions", new { ContractId = 1, Question = "Why are contact centre complaints rising while KPIs are green?" });
        Assert.Equal("councillor@demo.local", question.GetProperty("AskedBy").GetString());
        var id = question.GetProperty("Id").GetInt32();
        await RefusedAsync(councillor, $"/odata/ScrutinyQuestions({id})/Governance.Answer", new { Answer = "Me" }, HttpStatusCode.Forbidden);
        using var manager = await app.ClientForAsync("ContractManager");
        await OkAsync(manager, $"/odata/ScrutinyQuestions({id})/Governance.Answer", new { Answer = "The complaint measure is not a contractual KPI; it is now monitored monthly." });

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ScrutinyDeadlinesJob>().RunAsync(Ct);
        var overdue = (await councillor.GetJsonAsync("/odata/ScrutinyQuestions?$filter=Answer eq null and AskedBy eq 'unionrepresentative@demo.local'")).GetProperty("value")[0].GetProperty("Id").GetInt32();
        using var statutory = await app.ClientForAsync("StatutoryOfficer");
        Assert.Equal(1, (await statutory.GetJsonAsync($"/odata/Notifications?$filter=SubjectType eq 'ScrutinyQuestion' and SubjectId eq {overdue} and Link eq '/questions'")).Count());
    }

    [Fact]
    public async Task UnionConsultation_GateHoldsUntilTheUnionRespondsOrThePeriodEnds()
    {
        using var lead = await app.ClientForAsync("ProcurementOfficer");
        var procurement = await WorkflowApi.CreateProcurementAsync(lead, "CompetitiveFlexible");
        var instance = (await WorkflowApi.InstanceAsync(lead, "Procurement", procurement)).GetProperty("Id").GetInt32();
        await ApprovedAppraisalAsync(app, lead, procurement);
        Assert.Contains("consultation:union", await RefusedAsync(lead, $"/odata/WorkflowInstances({instance})/Governance.Fire", new { Trigger = "PublishTenderNotice" }, HttpStatusCode.Conflict), StringComparison.Ordinal);

        var consultation = (await CreatedAsync(lead, "/odata/Consultations", new { SubjectType = "Procurement", SubjectId = procurement, Gate = "union", Topic = "Transfer of the waste fleet team", ResponseWorkingDays = 10 })).GetProperty("Id").GetInt32();
        using var union = await app.ClientForAsync("UnionRepresentative");
        Assert.Equal(1, (await union.GetJsonAsync($"/odata/Notifications?$filter=SubjectType eq 'Consultation' and SubjectId eq {consultation} and Link eq '/consultations'")).Count());
        Assert.Contains("consultation:union", await RefusedAsync(lead, $"/odata/WorkflowInstances({instance})/Governance.Fire", new { Trigger = "PublishTenderNotice" }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        await RefusedAsync(lead, $"/odata/Consultations({consultation})/Governance.Respond", new { Response = "Not mine to give" }, HttpStatusCode.Forbidden);
        await OkAsync(union, $"/odata/Consultations({consultation})/Governance.Respond", new { Response = "UNISON asks for an in-house bid to be invited." });
        await WorkflowApi.FireOkAsync(lead, instance, "PublishTenderNotice");
    }
}
