using System.Net;
using System.Net.Http.Json;
using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Infrastructure.TenderApi;
using static Governance.Api.Tests.Infrastructure.WorkflowApi;

namespace Governance.Api.Tests.Tendering;

/// <summary>
/// A competitive dialogue from planning to a signed contract, entirely through the API, with every statutory rule
/// and gate checked on the way: refused first where a rule forbids, then done properly.
/// </summary>
[Collection(TimerTests.Name)]
public sealed class CompetitiveDialogueEndToEndTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Long enough for the bidders to submit before the deadline even on a loaded machine.
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    private async Task<(HttpClient Client, int SupplierId)> NewSupplierAccountAsync(string name)
    {
        using var officer = await app.ClientForAsync("ProcurementOfficer");
        var supplierId = (await CreatedAsync(officer, "/odata/Suppliers", new { Name = $"{name} {Guid.NewGuid():N}", IsSme = true, IsVcse = false })).GetProperty("Id").GetInt32();
        using var admin = await app.ClientForAsync("Administrator");
        var email = $"bids-{Guid.NewGuid():N}@supplier.example";
        using var created = await admin.PostAsJsonAsync("/auth/users", new { email, displayName = name, password = "Supplier-password-1", roles = new[] { "Supplier" }, supplierId }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await app.SignInAsync(email, "Supplier-password-1"));
        return (client, supplierId);
    }

    [Fact]
    public async Task CompetitiveDialogue_PlanningToContract_EveryGateClockAndRuleEnforced()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var lead = await app.ClientForAsync("ProcurementOfficer");
        using var evaluator = await app.ClientForAsync("ContractManager");
        using var statutory = await app.ClientForAsync("StatutoryOfficer");

        // Planning: reg 30 deadline, team, appraisal gate.
        var reference = $"CD-{Guid.NewGuid():N}"[..20];
        await RefusedAsync(lead, "/odata/Procurements", new
        {
            Reference = reference, Title = "Digital customer platform", DepartmentId = 1, Procedure = "CompetitiveDialogue", EstimatedValue = 3500000,
            ContractNoticeSentOn = Iso(today.AddDays(-20)), ParticipationDeadline = Iso(today.AddDays(-1)),
        }, HttpStatusCode.BadRequest);
        var procurement = (await CreatedAsync(lead, "/odata/Procurements", new
        {
            Reference = reference, Title = "Digital customer platform", DepartmentId = 1, Procedure = "CompetitiveDialogue", EstimatedValue = 3500000,
            ContractNoticeSentOn = Iso(today.AddDays(-40)), ParticipationDeadline = Iso(today), PriceScoringMethod = "LowestPriceRelative",
        })).GetProperty("Id").GetInt32();
        var instance = (await InstanceAsync(lead, "Procurement", procurement)).GetProperty("Id").GetInt32();
        await CreatedAsync(lead, "/odata/ProcurementTeamMembers", new { ProcurementId = procurement, UserName = "contractmanager@demo.local", Role = "Evaluator" });
        await RefusedAsync(lead, "/odata/ProcurementTeamMembers", new { ProcurementId = procurement, UserName = "councillor@demo.local", Role = "Adviser" }, HttpStatusCode.BadRequest);
        await CreatedAsync(lead, "/odata/ProposedKpis", new { ProcurementId = procurement, Code = "DCP-1", Name = "Transactions completed online", Unit = "%", Direction = "HigherIsBetter", Target = 60, AmberThreshold = 50, RedThreshold = 40, Frequency = "Monthly", Weight = 1 });
        Assert.Contains("appraisal:approved", await RefusedAsync(lead, $"/odata/WorkflowInstances({instance})/Governance.Fire", new { Trigger = "PublishContractNotice" }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        await ApprovedAppraisalAsync(app, lead, procurement);
        await FireOkAsync(lead, instance, "PublishContractNotice");

        // Selection: requests to participate, scoring, shortlist of three.
        var (alpha, _) = await NewSupplierAccountAsync("Alpha Digital");
        var (beta, _) = await NewSupplierAccountAsync("Beta Systems");
        var (gamma, _) = await NewSupplierAccountAsync("Gamma Contact");
        var bidders = new List<int>();
        foreach (var supplier in new[] { alpha, beta, gamma })
            bidders.Add((await CreatedAsync(supplier, "/odata/Bidders", new { ProcurementId = procurement })).GetProperty("Id").GetInt32());
        await RefusedAsync(alpha, "/odata/Bidders", new { ProcurementId = procurement }, HttpStatusCode.Conflict); // requested once
        foreach (var bidder in bidders)
            await OkAsync(lead, $"/odata/Bidders({bidder})/Governance.ScoreSelection", new { Score = 70m, Notes = "Meets the selection criteria." });
        await RefusedAsync(lead, $"/odata/Procurements({procurement})/Governance.Shortlist", new { BidderIds = bidders.Take(2) }, HttpStatusCode.BadRequest); // reg 65
        await OkAsync(lead, $"/odata/Procurements({procurement})/Governance.Shortlist", new { BidderIds = bidders });
        foreach (var stage in new[] { "OutlineSolutions", "DetailedSolutions", "FinalTenders" })
            await CriteriaAsync(lead, procurement, stage);
        Assert.Contains("signoff:shortlisting", await RefusedAsync(lead, $"/odata/WorkflowInstances({instance})/Governance.Fire", new { Trigger = "Shortlist" }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        await SignOffAsync(app, "Procurement", procurement, "shortlisting");
        await FireOkAsync(lead, instance, "Shortlist");

        // Outline solutions: criteria fixed, sealed bids, late bid refused, reduction on stated criteria.
        await RefusedAsync(lead, "/odata/EvaluationCriteria", new { ProcurementId = procurement, Stage = "OutlineSolutions", Name = "Late criterion", Kind = "Quality", Weight = 5 }, HttpStatusCode.Conflict);
        await SetDeadlineAsync(lead, procurement, "OutlineSolutions", DateTime.UtcNow + Window);
        foreach (var (supplier, bidder) in new[] { alpha, beta, gamma }.Zip(bidders))
            await CreatedAsync(supplier, "/odata/Submissions", new { ProcurementId = procurement, BidderId = bidder, Kind = "Original", Title = "Outline solution", Document = "Outline.", Price = 3000000 });
        Assert.Equal(0, (await lead.GetJsonAsync($"/odata/Submissions?$filter=ProcurementId eq {procurement}")).Count()); // sealed
        await Task.Delay(Window + TimeSpan.FromMilliseconds(300), Ct);
        Assert.Equal(3, (await lead.GetJsonAsync($"/odata/Submissions?$filter=ProcurementId eq {procurement}")).Count());
        Assert.Contains("late-submission", await RefusedAsync(gamma, "/odata/Submissions", new { ProcurementId = procurement, BidderId = bidders[2], Kind = "Original", Title = "Late", Document = "Late.", Price = 1 }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        await OkAsync(lead, $"/odata/Bidders({bidders[2]})/Governance.Eliminate", new { Reason = "Lowest outline score on the stated criteria." });
        await FireOkAsync(lead, instance, "InviteDetailedSolutions");

        // Detailed solutions: dialogue, anonymous clarifications, consent before disclosure.
        await CreatedAsync(lead, "/odata/DialogueSessions", new { ProcurementId = procurement, BidderId = bidders[0], HeldOn = Iso(today), Attendees = "Team and bidder", Minutes = "Integration discussed." });
        var question = (await CreatedAsync(beta, "/odata/ClarificationQuestions", new { ProcurementId = procurement, BidderId = bidders[1], Question = "Is hosting in the UK required?" })).GetProperty("Id").GetInt32();
        await OkAsync(lead, $"/odata/ClarificationQuestions({question})/Governance.Answer", new { Answer = "Yes, UK data centres only." });
        await OkAsync(lead, $"/odata/ClarificationQuestions({question})/Governance.Publish", new { });
        var published = await alpha.GetJsonAsync($"/odata/PublishedClarifications?$filter=ProcurementId eq {procurement}");
        Assert.Equal("Yes, UK data centres only.", Assert.Single(published.GetProperty("value").EnumerateArray()).GetProperty("Answer").GetString());
        Assert.DoesNotContain("BidderId", published.ToString(), StringComparison.Ordinal);
        Assert.Contains("no-consent", await RefusedAsync(lead, "/odata/SolutionDisclosures", new { ProcurementId = procurement, BidderId = bidders[0], Part = "Integration design", DisclosedTo = "All bidders" }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        await CreatedAsync(alpha, "/odata/ConsentRecords", new { ProcurementId = procurement, BidderId = bidders[0], Part = "Integration design", Purpose = "Share the council's integration pattern with all bidders." });
        await CreatedAsync(lead, "/odata/SolutionDisclosures", new { ProcurementId = procurement, BidderId = bidders[0], Part = "integration design", DisclosedTo = "All bidders" });
        Assert.Contains("signoff:dialogue-closure", await RefusedAsync(lead, $"/odata/WorkflowInstances({instance})/Governance.Fire", new { Trigger = "CloseDialogue" }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        await SignOffAsync(app, "Procurement", procurement, "dialogue-closure");
        await FireOkAsync(lead, instance, "CloseDialogue");
        await RefusedAsync(lead, "/odata/DialogueSessions", new { ProcurementId = procurement, BidderId = bidders[0], HeldOn = Iso(today), Attendees = "x", Minutes = "After closure." }, HttpStatusCode.Conflict);

        // Final tenders: only clarification, specification or optimisation after the deadline.
        await SetDeadlineAsync(lead, procurement, "FinalTenders", DateTime.UtcNow + Window);
        await CreatedAsync(alpha, "/odata/Submissions", new { ProcurementId = procurement, BidderId = bidders[0], Kind = "Original", Title = "Final tender", Document = "Final.", Price = 3100000 });
        await CreatedAsync(beta, "/odata/Submissions", new { ProcurementId = procurement, BidderId = bidders[1], Kind = "Original", Title = "Final tender", Document = "Final.", Price = 2900000 });
        await Task.Delay(Window + TimeSpan.FromMilliseconds(300), Ct);
        await RefusedAsync(beta, "/odata/Submissions", new { ProcurementId = procurement, BidderId = bidders[1], Kind = "Original", Title = "Rebid", Document = "New.", Price = 2500000 }, HttpStatusCode.Conflict);
        await RefusedAsync(beta, "/odata/Submissions", new { ProcurementId = procurement, BidderId = bidders[1], Kind = "Optimisation", Title = "Optimised", Document = "Optimised.", Price = 2900000 }, HttpStatusCode.BadRequest);
        await CreatedAsync(beta, "/odata/Submissions", new { ProcurementId = procurement, BidderId = bidders[1], Kind = "Clarification", Title = "Clarified", Document = "Clarified.", Price = 2900000, Justification = "Clarifies the hosting location; nothing essential changes." });

        // Evaluation: conflicts respected, moderation, best price-quality ratio only.
        var criteria = (await lead.GetJsonAsync($"/odata/EvaluationCriteria?$filter=ProcurementId eq {procurement} and Stage eq 'FinalTenders' and Kind eq 'Quality'"))
            .GetProperty("value").EnumerateArray().Select(c => c.GetProperty("Id").GetInt32()).ToList();
        await CreatedAsync(evaluator, "/odata/ConflictDeclarations", new { ProcurementId = procurement, BidderId = bidders[1], Evaluator = "ignored", Description = "Former employee of the bidder." });
        Assert.Contains("conflict-of-interest", await RefusedAsync(evaluator, "/odata/Scores", new { ProcurementId = procurement, BidderId = bidders[1], CriterionId = criteria[0], Value = 5, Justification = "x" }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        await CreatedAsync(evaluator, "/odata/Scores", new { ProcurementId = procurement, BidderId = bidders[0], CriterionId = criteria[0], Value = 8, Justification = "Strong fit." });
        var values = new Dictionary<int, decimal[]> { [bidders[0]] = [8, 7], [bidders[1]] = [6, 6] };
        foreach (var (bidder, scores) in values)
        {
            for (var i = 0; i < criteria.Count; i++)
                await CreatedAsync(lead, "/odata/ModeratedScores", new { ProcurementId = procurement, BidderId = bidder, CriterionId = criteria[i], Value = scores[i], Rationale = $"Consensus {scores[i]}/10." });
        }

        var ranking = await lead.GetJsonAsync($"/odata/Procurements({procurement})/Governance.Ranking(stage='FinalTenders')");
        var first = ranking.GetProperty("value")[0];
        Assert.Equal(bidders[0], first.GetProperty("BidderId").GetInt32()); // 8*.6+7*.1 quality beats the cheaper bid
        Assert.Contains("best-price-quality-ratio", await RefusedAsync(lead, $"/odata/Procurements({procurement})/Governance.ChoosePreferredBidder", new { BidderId = bidders[1] }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        await OkAsync(lead, $"/odata/Procurements({procurement})/Governance.ChoosePreferredBidder", new { BidderId = bidders[0] });
        await FireOkAsync(lead, instance, "SelectPreferredBidder");

        // Preferred bidder: financial commitments only, and only from that bidder.
        await RefusedAsync(alpha, "/odata/Submissions", new { ProcurementId = procurement, BidderId = bidders[0], Kind = "Optimisation", Title = "x", Document = "x", Price = 3000000, Justification = "x" }, HttpStatusCode.Conflict);
        await RefusedAsync(beta, "/odata/Submissions", new { ProcurementId = procurement, BidderId = bidders[1], Kind = "FinancialConfirmation", Title = "x", Document = "x", Price = 2900000 }, HttpStatusCode.Conflict);
        await CreatedAsync(alpha, "/odata/Submissions", new { ProcurementId = procurement, BidderId = bidders[0], Kind = "FinancialConfirmation", Title = "Confirmed price", Document = "Price and payment profile confirmed.", Price = 3100000 });

        // Award: sign-off, letters with reg 86 content, standstill by the reg 87 clock.
        await FireOkAsync(lead, instance, "ProposeAward");
        await SignOffAsync(app, "Procurement", procurement, "award");
        await FireOkAsync(lead, instance, "SendAwardDecisionNotices");
        var letters = (await beta.GetJsonAsync("/odata/AwardLetters")).GetProperty("value").EnumerateArray().Where(l => l.GetProperty("ProcurementId").GetInt32() == procurement).ToList();
        var letter = Assert.Single(letters); // a bidder reads its own letter only
        Assert.False(letter.GetProperty("Successful").GetBoolean());
        var content = letter.GetProperty("Content").GetString()!;
        Assert.Contains("Alpha Digital", content, StringComparison.Ordinal);
        Assert.Contains("Your score:", content, StringComparison.Ordinal);
        Assert.Contains("The successful tenderer's score:", content, StringComparison.Ordinal);
        Assert.Contains("Relative advantage", content, StringComparison.Ordinal);
        Assert.Contains("midnight at the end of", content, StringComparison.Ordinal);
        var standstillEnds = letter.GetProperty("StandstillEndsAt").GetDateTime().ToUniversalTime();
        Assert.Equal(Governance.Domain.Calendar.StatutoryClocks.EnglandAndWales.Reg87StandstillEnds(DateTime.UtcNow), standstillEnds);
        await RunTimersAtAsync(app.Services, standstillEnds.AddMinutes(1));

        // Contract from the award, with the tender's KPIs.
        using var manager = await app.ClientForAsync("ContractManager");
        var contract = await OkAsync(manager, $"/odata/Procurements({procurement})/Governance.CreateContract", new { StartOn = Iso(today.AddDays(30)), EndOn = Iso(today.AddDays(30).AddYears(3).AddDays(-1)), ContractManager = "Mark Osei" });
        Assert.Equal(3100000m, contract.GetProperty("TotalValue").GetDecimal());
        var created = await manager.GetJsonAsync($"/odata/Contracts({contract.GetProperty("Id").GetInt32()})?$expand=Supplier,Indicators");
        Assert.StartsWith("Alpha Digital", created.GetProperty("Supplier").GetProperty("Name").GetString(), StringComparison.Ordinal);
        Assert.Equal("DCP-1", Assert.Single(created.GetProperty("Indicators").EnumerateArray()).GetProperty("Code").GetString());
        await RefusedAsync(manager, $"/odata/Procurements({procurement})/Governance.CreateContract", new { StartOn = Iso(today), EndOn = Iso(today.AddYears(1)) }, HttpStatusCode.Conflict);
        await FireOkAsync(manager, instance, "SignContract");
        Assert.Equal("ContractSigned", (await lead.GetJsonAsync($"/odata/Procurements({procurement})")).GetProperty("Stage").GetString());

        var history = await lead.GetJsonAsync($"/odata/WorkflowTransitions?$filter=WorkflowInstanceId eq {instance}&$orderby=Sequence");
        var steps = history.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(
            ["Start", "PublishContractNotice", "Shortlist", "InviteDetailedSolutions", "CloseDialogue", "SelectPreferredBidder", "ProposeAward", "SendAwardDecisionNotices", "StandstillEnded", "SignContract"],
            steps.Select(s => s.GetProperty("Trigger").GetString()));
        Assert.Equal("timer", steps[8].GetProperty("Actor").GetString());
        Assert.Contains("\"signoff:award\":true", steps[7].GetProperty("GuardResults").GetString(), StringComparison.Ordinal);
        var awarded = await manager.GetJsonAsync($"/odata/Notifications?$filter=Link eq '/odata/Procurements({procurement})' and RecipientRole eq 'ContractManager'");
        Assert.Equal(1, awarded.Count());
        var timetable = await lead.GetJsonAsync($"/odata/Procurements({procurement})/Governance.Timetable()");
        Assert.Contains(timetable.GetProperty("value").EnumerateArray(), s => s.GetProperty("Stage").GetString() == "Standstill" && s.GetProperty("ActualOn").GetString() == Iso(today));
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
