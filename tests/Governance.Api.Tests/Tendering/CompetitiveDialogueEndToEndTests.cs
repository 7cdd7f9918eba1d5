using System.Net;
using System.Net.Http.Json;
using Governance.Api.Tests.Infrastructure;
using static Governance.Api.Tests.Infrastructure.TenderApi;
using static Governance.Api.Tests.Infrastructure.WorkflowApi;

namespace Governance.Api.Tests.Tendering;

/// <summary>
/// A competitive dialogue from planning to a signed contract, entirely through the API, with every statutory rule
/// and gate checked on the way: refused first where a rule forbids, then done properly. The test's clock starts in
/// June 2024 (a PCR 2015 procurement must have started before 24 February 2025) and travels as the weeks pass.
/// </summary>
[Collection(TimerTests.Name)]
public sealed class CompetitiveDialogueEndToEndTests(SqliteApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTime At(int month, int day, int hour) => new(2024, month, day, hour, 0, 0, DateTimeKind.Utc);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Iso(DateTime instant) => instant.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task CompetitiveDialogue_PlanningToContract_EveryGateClockAndRuleEnforced()
    {
        TestClock.TravelTo(At(6, 3, 9)); // Monday 3 June 2024
        var lead = await app.ClientForAsync("ProcurementOfficer");

        // Planning: team, KPIs, the appraisal gate; the notice date is stamped when the notice goes.
        var reference = $"CD-{Guid.NewGuid():N}"[..20];
        var procurement = (await CreatedAsync(lead, "/odata/Procurements", new
        {
            Reference = reference, Title = "Digital customer platform", DepartmentId = 1, Procedure = "CompetitiveDialogue", EstimatedValue = 3500000, PriceScoringMethod = "LowestPriceRelative",
        })).GetProperty("Id").GetInt32();
        var instance = (await InstanceAsync(lead, "Procurement", procurement)).GetProperty("Id").GetInt32();
        await CreatedAsync(lead, "/odata/ProcurementTeamMembers", new { ProcurementId = procurement, UserName = "contractmanager@demo.local", Role = "Evaluator" });
        await CreatedAsync(lead, "/odata/ProposedKpis", new { ProcurementId = procurement, Code = "DCP-1", Name = "Transactions completed online", Unit = "%", Direction = "HigherIsBetter", Target = 60, AmberThreshold = 50, RedThreshold = 40, Frequency = "Monthly", Weight = 100 });
        Assert.Contains("appraisal:approved", await RefusedAsync(lead, $"/odata/WorkflowInstances({instance})/Governance.Fire", new { Trigger = "PublishContractNotice" }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        await ApprovedAppraisalAsync(app, lead, procurement);
        await FireOkAsync(lead, instance, "PublishContractNotice");
        Assert.Equal("2024-07-03", (await lead.GetJsonAsync($"/odata/Procurements({procurement})")).GetProperty("ParticipationDeadline").GetString());

        // Selection: requests while open, shortlisting only once they have closed, at least three (reg 65).
        var emails = new[] { await NewSupplierAccountAsync(app, "Alpha Digital"), await NewSupplierAccountAsync(app, "Beta Systems"), await NewSupplierAccountAsync(app, "Gamma Contact") };
        var bidders = new List<int>();
        foreach (var email in emails)
        {
            using var supplier = await SupplierAsync(app, email);
            bidders.Add((await CreatedAsync(supplier, "/odata/Bidders", new { ProcurementId = procurement })).GetProperty("Id").GetInt32());
        }

        foreach (var bidder in bidders)
            await OkAsync(lead, $"/odata/Bidders({bidder})/Governance.ScoreSelection", new { Score = 70m, Notes = "Meets the selection criteria." });
        Assert.Contains("requests-still-open", await RefusedAsync(lead, $"/odata/Procurements({procurement})/Governance.Shortlist", new { BidderIds = bidders }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        TestClock.TravelTo(At(7, 4, 9));
        lead = await app.ClientForAsync("ProcurementOfficer");
        await RefusedAsync(lead, $"/odata/Procurements({procurement})/Governance.Shortlist", new { BidderIds = bidders.Take(2) }, HttpStatusCode.BadRequest);
        await OkAsync(lead, $"/odata/Procurements({procurement})/Governance.Shortlist", new { BidderIds = bidders });
        foreach (var stage in new[] { "OutlineSolutions", "DetailedSolutions", "FinalTenders" })
            await CriteriaAsync(lead, procurement, stage);
        await SignOffAsync(app, "Procurement", procurement, "shortlisting");
        await FireOkAsync(lead, instance, "Shortlist");

        // Outline solutions: sealed until the deadline has passed and the bids are opened; a deadline moves forward only, before it passes.
        await RefusedAsync(lead, "/odata/EvaluationCriteria", new { ProcurementId = procurement, Stage = "OutlineSolutions", Name = "Late criterion", Kind = "Quality", Weight = 5 }, HttpStatusCode.Conflict);
        await OkAsync(lead, $"/odata/Procurements({procurement})/Governance.SetSubmissionDeadline", new { Stage = "OutlineSolutions", Deadline = Iso(At(7, 19, 12)) });
        foreach (var (email, bidder) in emails.Zip(bidders))
        {
            using var supplier = await SupplierAsync(app, email);
            await CreatedAsync(supplier, "/odata/Submissions", new { ProcurementId = procurement, BidderId = bidder, Kind = "Original", Title = "Outline solution", Document = "Outline.", Price = 3000000 });
        }

        Assert.Contains("deadline-not-passed", await RefusedAsync(lead, $"/odata/Procurements({procurement})/Governance.OpenSubmissions", new { Stage = "OutlineSolutions" }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        Assert.Contains("deadline-forward-only", await RefusedAsync(lead, $"/odata/Procurements({procurement})/Governance.ExtendDeadline", new { Stage = "OutlineSolutions", Deadline = Iso(At(7, 18, 12)), Reason = "Earlier" }, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        await OkAsync(lead, $"/odata/Procurements({procurement})/Governance.ExtendDeadline", new { Stage = "OutlineSolutions", Deadline = Iso(At(7, 22, 12)), Reason = "Bidders asked for time after the clarification on hosting." });
        using (var alpha = await SupplierAsync(app, emails[0]))
        {
            var told = await alpha.GetJsonAsync("/odata/Notifications?$filter=contains(Subject,'OutlineSolutions deadline')");
            Assert.Contains(told.GetProperty("value").EnumerateArray(), n => n.GetProperty("Body").GetString()!.Contains("extended", StringComparison.Ordinal));
        }

        TestClock.TravelTo(At(7, 22, 13));
        lead = await app.ClientForAsync("ProcurementOfficer");
        var evaluator = await app.ClientForAsync("ContractManager");
        Assert.Equal(0, (await lead.GetJsonAsync($"/odata/Submissions?$filter=ProcurementId eq {procurement}")).Count()); // deadline passed, not yet opened
        using (var gamma = await SupplierAsync(app, emails[2]))
            Assert.Contains("late-submission", await RefusedAsync(gamma, "/odata/Submissions", new { ProcurementId = procurement, BidderId = bidders[2], Kind = "Original", Title = "Late", Document = "Late.", Price = 1 }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        Assert.Contains("deadline-passed", await RefusedAsync(lead, $"/odata/Procurements({procurement})/Governance.ExtendDeadline", new { Stage = "OutlineSolutions", Deadline = Iso(At(8, 1, 12)), Reason = "Too late" }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        var opened = await OkAsync(evaluator, $"/odata/Procurements({procurement})/Governance.OpenSubmissions", new { Stage = "OutlineSolutions" });
        Assert.Equal("contractmanager@demo.local", opened.GetProperty("SubmissionsOpenedBy").GetString());
        Assert.Equal(3, (await lead.GetJsonAsync($"/odata/Submissions?$filter=ProcurementId eq {procurement}")).Count());

        // Reduction only once the stage is evaluated, citing the stated criteria and the scores.
        Assert.Contains("stage-not-evaluated", await RefusedAsync(lead, $"/odata/Bidders({bidders[2]})/Governance.Eliminate", new { Reason = "Weakest outline." }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        await EvaluateAsync(lead, evaluator, procurement, "OutlineSolutions", new() { [bidders[0]] = [8, 7], [bidders[1]] = [7, 6], [bidders[2]] = [4, 4] });
        var eliminated = await OkAsync(lead, $"/odata/Bidders({bidders[2]})/Governance.Eliminate", new { Reason = "Lowest outline score on the stated criteria." });
        Assert.Contains("Quality of solution (60%): 4/10", eliminated.GetProperty("ExitReason").GetString(), StringComparison.Ordinal);
        using (var gamma = await SupplierAsync(app, emails[2]))
            Assert.Equal(1, (await gamma.GetJsonAsync("/odata/Notifications?$filter=startswith(Subject,'Your solution was not taken forward')")).Count());
        await FireOkAsync(lead, instance, "InviteDetailedSolutions");

        // Detailed solutions: dialogue, anonymous clarifications, consent before disclosure; closing needs the stage evaluated.
        using (var beta = await SupplierAsync(app, emails[1]))
        {
            var question = (await CreatedAsync(beta, "/odata/ClarificationQuestions", new { ProcurementId = procurement, BidderId = bidders[1], Question = "Is hosting in the UK required?" })).GetProperty("Id").GetInt32();
            await OkAsync(lead, $"/odata/ClarificationQuestions({question})/Governance.Answer", new { Answer = "Yes, UK data centres only." });
            await OkAsync(lead, $"/odata/ClarificationQuestions({question})/Governance.Publish", new { });
        }

        using (var alpha = await SupplierAsync(app, emails[0]))
        {
            var told = (await alpha.GetJsonAsync("/odata/Notifications")).GetProperty("value").EnumerateArray().Select(n => n.GetProperty("Subject").GetString()!).ToList();
            Assert.Contains(told, t => t.StartsWith("DetailedSolutions has opened", StringComparison.Ordinal));
            Assert.Contains(told, t => t.StartsWith("Clarification published", StringComparison.Ordinal));
            var ownStages = await alpha.GetJsonAsync($"/odata/ProcurementStageDates?$filter=ProcurementId eq {procurement}");
            Assert.Contains(ownStages.GetProperty("value").EnumerateArray(), d => d.GetProperty("Stage").GetString() == "OutlineSolutions" && d.GetProperty("SubmissionDeadline").GetDateTime() == At(7, 22, 12));
            var published = await alpha.GetJsonAsync($"/odata/PublishedClarifications?$filter=ProcurementId eq {procurement}");
            Assert.Equal("Yes, UK data centres only.", Assert.Single(published.GetProperty("value").EnumerateArray()).GetProperty("Answer").GetString());
            Assert.DoesNotContain("BidderId", published.ToString(), StringComparison.Ordinal);
            Assert.Contains("no-consent", await RefusedAsync(lead, "/odata/SolutionDisclosures", new { ProcurementId = procurement, BidderId = bidders[0], Part = "Integration design", DisclosedTo = "All bidders" }, HttpStatusCode.Conflict), StringComparison.Ordinal);
            await CreatedAsync(alpha, "/odata/ConsentRecords", new { ProcurementId = procurement, BidderId = bidders[0], Part = "Integration design", Purpose = "Share the council's integration pattern with all bidders." });
            await CreatedAsync(lead, "/odata/SolutionDisclosures", new { ProcurementId = procurement, BidderId = bidders[0], Part = "integration design", DisclosedTo = "All bidders" });
        }

        await CreatedAsync(lead, "/odata/DialogueSessions", new { ProcurementId = procurement, BidderId = bidders[0], HeldOn = "2024-07-22", Attendees = "Team and bidder", Minutes = "Integration discussed." });
        await OkAsync(lead, $"/odata/Procurements({procurement})/Governance.SetSubmissionDeadline", new { Stage = "DetailedSolutions", Deadline = Iso(At(8, 30, 12)) });
        foreach (var (email, bidder) in emails.Zip(bidders).Take(2))
        {
            using var supplier = await SupplierAsync(app, email);
            await CreatedAsync(supplier, "/odata/Submissions", new { ProcurementId = procurement, BidderId = bidder, Kind = "Original", Title = "Detailed solution", Document = "Detailed.", Price = 3050000 });
        }

        var closing = await RefusedAsync(lead, $"/odata/WorkflowInstances({instance})/Governance.Fire", new { Trigger = "CloseDialogue" }, HttpStatusCode.Conflict);
        Assert.Contains("evaluation:detailed-solutions", closing, StringComparison.Ordinal);
        Assert.Contains("signoff:dialogue-closure", closing, StringComparison.Ordinal);
        TestClock.TravelTo(At(8, 30, 13));
        lead = await app.ClientForAsync("ProcurementOfficer");
        evaluator = await app.ClientForAsync("ContractManager");
        await OkAsync(lead, $"/odata/Procurements({procurement})/Governance.OpenSubmissions", new { Stage = "DetailedSolutions" });
        await EvaluateAsync(lead, evaluator, procurement, "DetailedSolutions", new() { [bidders[0]] = [8, 7], [bidders[1]] = [7, 7] });
        await SignOffAsync(app, "Procurement", procurement, "dialogue-closure", "StatutoryOfficer", "Councillor");
        await FireOkAsync(lead, instance, "CloseDialogue");
        await RefusedAsync(lead, "/odata/DialogueSessions", new { ProcurementId = procurement, BidderId = bidders[0], HeldOn = "2024-08-30", Attendees = "x", Minutes = "After closure." }, HttpStatusCode.Conflict);

        // Final tenders: after the deadline only clarification, specification or optimisation, and never of the price.
        await OkAsync(lead, $"/odata/Procurements({procurement})/Governance.SetSubmissionDeadline", new { Stage = "FinalTenders", Deadline = Iso(At(9, 20, 12)) });
        using (var alpha = await SupplierAsync(app, emails[0]))
            await CreatedAsync(alpha, "/odata/Submissions", new { ProcurementId = procurement, BidderId = bidders[0], Kind = "Original", Title = "Final tender", Document = "Final.", Price = 3100000 });
        using (var beta = await SupplierAsync(app, emails[1]))
            await CreatedAsync(beta, "/odata/Submissions", new { ProcurementId = procurement, BidderId = bidders[1], Kind = "Original", Title = "Final tender", Document = "Final.", Price = 2900000 });
        TestClock.TravelTo(At(9, 20, 13));
        lead = await app.ClientForAsync("ProcurementOfficer");
        evaluator = await app.ClientForAsync("ContractManager");
        using (var beta = await SupplierAsync(app, emails[1]))
        {
            await RefusedAsync(beta, "/odata/Submissions", new { ProcurementId = procurement, BidderId = bidders[1], Kind = "Original", Title = "Rebid", Document = "New.", Price = 2500000 }, HttpStatusCode.Conflict);
            await RefusedAsync(beta, "/odata/Submissions", new { ProcurementId = procurement, BidderId = bidders[1], Kind = "Optimisation", Title = "Optimised", Document = "Optimised.", Price = 2900000 }, HttpStatusCode.BadRequest);
            // A change the council did not ask for is refused, however it is labelled.
            Assert.Contains("authority-request-only", await RefusedAsync(beta, "/odata/Submissions", new { ProcurementId = procurement, BidderId = bidders[1], Kind = "Optimisation", Title = "Optimised", Document = "Optimised.", Price = 2500000, Justification = "An optimisation." }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        }

        // The team asks Beta to clarify; Beta answers at the same price only; a second member of the team decides.
        var changeRequest = (await CreatedAsync(lead, "/odata/TenderChangeRequests", new { ProcurementId = procurement, BidderId = bidders[1], Kind = "Clarification", Request = "Confirm where the platform will be hosted." })).GetProperty("Id").GetInt32();
        using (var beta = await SupplierAsync(app, emails[1]))
        {
            Assert.Equal(1, (await beta.GetJsonAsync($"/odata/TenderChangeRequests?$filter=ProcurementId eq {procurement}")).Count());
            Assert.Contains("price-fixed-after-deadline", await RefusedAsync(beta, "/odata/Submissions", new { ProcurementId = procurement, BidderId = bidders[1], Kind = "Clarification", Title = "Clarified", Document = "Cheaper.", Price = 2500000, Justification = "A clarification.", ChangeRequestId = changeRequest }, HttpStatusCode.Conflict), StringComparison.Ordinal);
            await CreatedAsync(beta, "/odata/Submissions", new { ProcurementId = procurement, BidderId = bidders[1], Kind = "Clarification", Title = "Clarified", Document = "UK data centres in Leeds and Slough.", Price = 2900000, Justification = "Clarifies the hosting location; nothing essential changes.", ChangeRequestId = changeRequest });
            Assert.Contains("authority-request-only", await RefusedAsync(beta, "/odata/Submissions", new { ProcurementId = procurement, BidderId = bidders[1], Kind = "Clarification", Title = "Again", Document = "Again.", Price = 2900000, Justification = "Again.", ChangeRequestId = changeRequest }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        }

        Assert.Contains("second-member-approval", await RefusedAsync(lead, $"/odata/TenderChangeRequests({changeRequest})/Governance.Decide", new { Approved = true }, HttpStatusCode.Conflict), StringComparison.Ordinal);

        // Evaluation: a ranking waits for the whole evaluation; a declared conflict voids that evaluator's scores; one live score each.
        Assert.Contains("stage-not-evaluated", await RefusedAsync(lead, $"/odata/Procurements({procurement})/Governance.ChoosePreferredBidder", new { BidderId = bidders[0] }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        using (var ranking = await lead.GetAsync($"/odata/Procurements({procurement})/Governance.Ranking(stage='FinalTenders')", Ct))
            Assert.Equal(HttpStatusCode.Conflict, ranking.StatusCode);
        await OkAsync(lead, $"/odata/Procurements({procurement})/Governance.OpenSubmissions", new { Stage = "FinalTenders" });
        var criteria = await QualityCriteriaAsync(lead, procurement, "FinalTenders");
        var voided = (await CreatedAsync(evaluator, "/odata/Scores", new { ProcurementId = procurement, BidderId = bidders[1], CriterionId = criteria[0], Value = 9, Justification = "Before declaring." })).GetProperty("Id").GetInt32();
        await CreatedAsync(evaluator, "/odata/ConflictDeclarations", new { ProcurementId = procurement, BidderId = bidders[1], Evaluator = "ignored", Description = "Former employee of the bidder." });
        var kept = await lead.GetJsonAsync($"/odata/Scores({voided})");
        Assert.StartsWith("Conflict of interest declared", kept.GetProperty("VoidReason").GetString(), StringComparison.Ordinal);
        Assert.Contains("conflict-of-interest", await RefusedAsync(evaluator, "/odata/Scores", new { ProcurementId = procurement, BidderId = bidders[1], CriterionId = criteria[0], Value = 5, Justification = "x" }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        Assert.Contains("moderation-needs-scores", await RefusedAsync(lead, "/odata/ModeratedScores", new { ProcurementId = procurement, BidderId = bidders[1], CriterionId = criteria[0], Value = 9, Rationale = "On a void score." }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        await CreatedAsync(evaluator, "/odata/Scores", new { ProcurementId = procurement, BidderId = bidders[0], CriterionId = criteria[0], Value = 7, Justification = "Strong fit." });
        Assert.Contains("one-live-score", await RefusedAsync(evaluator, "/odata/Scores", new { ProcurementId = procurement, BidderId = bidders[0], CriterionId = criteria[0], Value = 8, Justification = "Again." }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        var second = await CreatedAsync(evaluator, "/odata/Scores", new { ProcurementId = procurement, BidderId = bidders[0], CriterionId = criteria[0], Value = 8, Justification = "Re-read the integration plan.", ChangeReason = "Missed the integration appendix." });
        Assert.Equal(2, second.GetProperty("Version").GetInt32());
        await EvaluateAsync(lead, lead, procurement, "FinalTenders", new() { [bidders[0]] = [8, 7], [bidders[1]] = [6, 5] });
        // A moderated score is corrected by a new version with its reason; the ranking reads the latest.
        Assert.Contains("moderation-correction", await RefusedAsync(lead, "/odata/ModeratedScores", new { ProcurementId = procurement, BidderId = bidders[1], CriterionId = criteria[1], Value = 6, Rationale = "Again." }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        var corrected = await CreatedAsync(lead, "/odata/ModeratedScores", new { ProcurementId = procurement, BidderId = bidders[1], CriterionId = criteria[1], Value = 6, Rationale = "Consensus 6/10.", ChangeReason = "The delivery plan's appendix was missed in moderation." });
        Assert.Equal(2, corrected.GetProperty("Version").GetInt32());
        using var awaiting = await lead.GetAsync($"/odata/Procurements({procurement})/Governance.Ranking(stage='FinalTenders')", Ct);
        Assert.Equal(HttpStatusCode.Conflict, awaiting.StatusCode);
        Assert.Contains("awaits a second team member", await awaiting.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await OkAsync(evaluator, $"/odata/TenderChangeRequests({changeRequest})/Governance.Decide", new { Approved = true, Reason = "The hosting location was already required; nothing essential changes." });

        var ranked = await lead.GetJsonAsync($"/odata/Procurements({procurement})/Governance.Ranking(stage='FinalTenders')");
        Assert.Equal(bidders[0], ranked.GetProperty("value")[0].GetProperty("BidderId").GetInt32()); // 8*.6+7*.1 quality beats the cheaper bid
        Assert.Contains("best-price-quality-ratio", await RefusedAsync(lead, $"/odata/Procurements({procurement})/Governance.ChoosePreferredBidder", new { BidderId = bidders[1] }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        await OkAsync(lead, $"/odata/Procurements({procurement})/Governance.ChoosePreferredBidder", new { BidderId = bidders[0] });
        await FireOkAsync(lead, instance, "SelectPreferredBidder");

        // Preferred bidder: financial commitments only, from that bidder, at the evaluated price.
        using (var alpha = await SupplierAsync(app, emails[0]))
        {
            await RefusedAsync(alpha, "/odata/Submissions", new { ProcurementId = procurement, BidderId = bidders[0], Kind = "Optimisation", Title = "x", Document = "x", Price = 3100000, Justification = "x" }, HttpStatusCode.Conflict);
            Assert.Contains("price-fixed-after-deadline", await RefusedAsync(alpha, "/odata/Submissions", new { ProcurementId = procurement, BidderId = bidders[0], Kind = "FinancialConfirmation", Title = "Confirmed", Document = "x", Price = 2500000 }, HttpStatusCode.Conflict), StringComparison.Ordinal);
            await CreatedAsync(alpha, "/odata/Submissions", new { ProcurementId = procurement, BidderId = bidders[0], Kind = "FinancialConfirmation", Title = "Confirmed price", Document = "Price and payment profile confirmed.", Price = 3100000 });
        }

        using (var beta = await SupplierAsync(app, emails[1]))
            await RefusedAsync(beta, "/odata/Submissions", new { ProcurementId = procurement, BidderId = bidders[1], Kind = "FinancialConfirmation", Title = "x", Document = "x", Price = 2900000 }, HttpStatusCode.Conflict);

        // No route shows a price to those outside the team: the audit trail withholds the images of bids.
        using (var statutoryReader = await app.ClientForAsync("StatutoryOfficer"))
        {
            var audit = await statutoryReader.GetJsonAsync("/odata/AuditEntries?$filter=EntityType eq 'Submission'&$orderby=Id desc&$top=5");
            Assert.NotEmpty(audit.GetProperty("value").EnumerateArray());
            Assert.DoesNotContain("3100000", audit.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("2900000", audit.ToString(), StringComparison.Ordinal);
        }

        // Award: sign-off, letters, standstill by reg 87; a challenge suspends it and resolving it resumes what was left.
        await FireOkAsync(lead, instance, "ProposeAward");
        using (var signatory = await app.ClientForAsync("StatutoryOfficer"))
        {
            // Raising the request tells its signatories, naming the gate and the procurement.
            var asked = await signatory.GetJsonAsync($"/odata/Notifications?$filter=SubjectType eq 'Procurement' and SubjectId eq {procurement} and startswith(Subject,'Your sign-off is needed: the award gate')");
            var request = Assert.Single(asked.GetProperty("value").EnumerateArray());
            Assert.Equal("StatutoryOfficer", request.GetProperty("RecipientRole").GetString());
            Assert.Contains(reference, request.GetProperty("Subject").GetString(), StringComparison.Ordinal);
        }

        await SignOffAsync(app, "Procurement", procurement, "award");
        await FireOkAsync(lead, instance, "SendAwardDecisionNotices");
        DateTime standstillEnds;
        using (var beta = await SupplierAsync(app, emails[1]))
        {
            var letters = (await beta.GetJsonAsync("/odata/AwardLetters")).GetProperty("value").EnumerateArray().Where(l => l.GetProperty("ProcurementId").GetInt32() == procurement).ToList();
            var letter = Assert.Single(letters); // a bidder reads its own letter only
            Assert.False(letter.GetProperty("Successful").GetBoolean());
            var content = letter.GetProperty("Content").GetString()!;
            Assert.Contains("Alpha Digital", content, StringComparison.Ordinal);
            Assert.Contains("Your score:", content, StringComparison.Ordinal);
            Assert.Contains("The successful tenderer's score:", content, StringComparison.Ordinal);
            Assert.Contains("Relative advantage", content, StringComparison.Ordinal);
            Assert.Contains("midnight at the end of Monday 30 September 2024", content, StringComparison.Ordinal); // the 10th day after Friday 20 September
            standstillEnds = letter.GetProperty("StandstillEndsAt").GetDateTime().ToUniversalTime();
            Assert.Equal(1, (await beta.GetJsonAsync("/odata/Notifications?$filter=Subject eq 'Award decision: your tender was not successful: " + reference + " Digital customer platform'")).Count());
        }

        Assert.Equal(Governance.Domain.Calendar.StatutoryClocks.EnglandAndWales.Reg87StandstillEnds(At(9, 20, 13)), standstillEnds);
        using (var gamma = await SupplierAsync(app, emails[2])) // eliminated at outline solutions, told of the award too
        {
            var decided = Assert.Single((await gamma.GetJsonAsync("/odata/Notifications?$filter=startswith(Subject,'Award decision:')")).GetProperty("value").EnumerateArray());
            Assert.Contains("Alpha Digital", decided.GetProperty("Body").GetString(), StringComparison.Ordinal);
            Assert.Empty((await gamma.GetJsonAsync("/odata/AwardLetters")).GetProperty("value").EnumerateArray());
        }

        TestClock.TravelTo(At(9, 23, 9));
        lead = await app.ClientForAsync("ProcurementOfficer");
        await FireOkAsync(lead, instance, "Challenge", "Claim issued by Beta Systems.");
        using var manager = await app.ClientForAsync("ContractManager");
        Assert.Contains("not-awarded", await RefusedAsync(manager, $"/odata/Procurements({procurement})/Governance.CreateContract", new { StartOn = "2024-11-01", EndOn = "2027-10-31" }, HttpStatusCode.Conflict), StringComparison.Ordinal);
        TestClock.TravelTo(At(9, 26, 9)); // three days later
        lead = await app.ClientForAsync("ProcurementOfficer");
        await FireOkAsync(lead, instance, "ResolveChallenge", "Claim withdrawn.");
        var resumedEnds = (await lead.GetJsonAsync($"/odata/Procurements({procurement})")).GetProperty("StandstillEndsAt").GetDateTime().ToUniversalTime();
        Assert.Equal(standstillEnds + TimeSpan.FromDays(3), resumedEnds, TimeSpan.FromSeconds(5)); // the real seconds between the two requests count too
        await RunTimersAtAsync(app.Services, standstillEnds.AddMinutes(1));
        Assert.Equal("Standstill", (await lead.GetJsonAsync($"/odata/Procurements({procurement})")).GetProperty("Stage").GetString());
        TestClock.TravelTo(resumedEnds.AddMinutes(1));
        await RunTimersAtAsync(app.Services, resumedEnds.AddMinutes(1));
        lead = await app.ClientForAsync("ProcurementOfficer");
        Assert.Equal("Awarded", (await lead.GetJsonAsync($"/odata/Procurements({procurement})")).GetProperty("Stage").GetString());

        // Contract from the award: the evaluated price, the procedure, the tender's KPIs; signing makes it active.
        using var awardManager = await app.ClientForAsync("ContractManager");
        var contract = await OkAsync(awardManager, $"/odata/Procurements({procurement})/Governance.CreateContract", new { StartOn = "2024-11-01", EndOn = "2027-10-31", ContractManager = "Mark Osei" });
        Assert.Equal(3100000m, contract.GetProperty("TotalValue").GetDecimal());
        Assert.Equal("CompetitiveDialogue", contract.GetProperty("Procedure").GetString());
        var contractId = contract.GetProperty("Id").GetInt32();
        var created = await awardManager.GetJsonAsync($"/odata/Contracts({contractId})?$expand=Supplier,Indicators");
        Assert.StartsWith("Alpha Digital", created.GetProperty("Supplier").GetProperty("Name").GetString(), StringComparison.Ordinal);
        Assert.Equal("DCP-1", Assert.Single(created.GetProperty("Indicators").EnumerateArray()).GetProperty("Code").GetString());
        await RefusedAsync(awardManager, $"/odata/Procurements({procurement})/Governance.CreateContract", new { StartOn = "2024-11-01", EndOn = "2025-10-31" }, HttpStatusCode.Conflict);
        await FireOkAsync(lead, instance, "SignContract");
        Assert.Equal("ContractSigned", (await lead.GetJsonAsync($"/odata/Procurements({procurement})")).GetProperty("Stage").GetString());
        Assert.Equal("Active", (await awardManager.GetJsonAsync($"/odata/Contracts({contractId})")).GetProperty("Status").GetString());

        var history = await lead.GetJsonAsync($"/odata/WorkflowTransitions?$filter=WorkflowInstanceId eq {instance}&$orderby=Sequence");
        var steps = history.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(
            ["Start", "PublishContractNotice", "Shortlist", "InviteDetailedSolutions", "CloseDialogue", "SelectPreferredBidder", "ProposeAward", "SendAwardDecisionNotices",
                "Challenge", "ResolveChallenge", "StandstillEnded", "SignContract"],
            steps.Select(s => s.GetProperty("Trigger").GetString()));
        Assert.Equal("timer", steps[10].GetProperty("Actor").GetString());
        var timetable = await lead.GetJsonAsync($"/odata/Procurements({procurement})/Governance.Timetable()");
        Assert.Contains(timetable.GetProperty("value").EnumerateArray(), s => s.GetProperty("Stage").GetString() == "Standstill" && s.GetProperty("ActualOn").GetString() == "2024-09-20");
    }
}
