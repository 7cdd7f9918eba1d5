using Governance.Domain.Appraisal;
using Governance.Domain.Tendering;
using Governance.Domain.Tendering.Bids;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Data.Seeding;

public sealed partial class SeedLoader
{
    /// <summary>A seeded procurement's team, timetable, open records, confidential tender records and options appraisal.</summary>
    private async Task AddTendersAsync(IEnumerable<TenderSeed> tenders, CancellationToken ct)
    {
        foreach (var t in tenders)
        {
            var procurement = Resolve(procurements, t.Procurement, "procurement");
            procurement.ParticipationDeadline = t.ParticipationDeadline;
            var id = procurement.Id;
            var bidders = await db.Bidders.Include(b => b.Supplier).Where(b => b.ProcurementId == id).ToDictionaryAsync(b => b.Supplier!.Name, StringComparer.OrdinalIgnoreCase, ct);
            Bidder BidderOf(string name) => bidders.TryGetValue(name, out var b) ? b : throw new SeedException(file, $"'{name}' is not a bidder of {t.Procurement}");

            db.AddRange(t.Team.Select(m => new ProcurementTeamMember { ProcurementId = id, UserName = m.UserName, Role = m.Role }));
            foreach (var s in t.Stages)
            {
                var existing = await db.ProcurementStageDates.SingleOrDefaultAsync(d => d.ProcurementId == id && d.Stage == s.Stage, ct);
                var dates = existing ?? db.ProcurementStageDates.Add(new ProcurementStageDate { ProcurementId = id, Stage = s.Stage }).Entity;
                dates.PlannedOn = s.PlannedOn;
                dates.ActualOn = s.ActualOn;
                dates.SubmissionDeadline = Utc(s.SubmissionDeadline);
                dates.SubmissionsOpenedAt = Utc(s.OpenedAt);
                dates.SubmissionsOpenedBy = s.OpenedBy;
            }

            // Evaluators score a stage's bids the day after they were opened: after the criteria and the bids.
            var opened = t.Stages.Where(s => s.OpenedAt is not null).ToDictionary(s => s.Stage, s => Utc(s.OpenedAt)!.Value.AddDays(1));

            db.AddRange(t.BudgetLines.Select(b => new BudgetLine { ProcurementId = id, Name = b.Name, Approved = b.Approved, Spent = b.Spent, ApprovedBy = b.ApprovedBy }));
            db.AddRange(t.Lots.Select(l => new Lot { ProcurementId = id, Name = l.Name, Description = l.Description }));
            db.AddRange(t.Raid.Select(r => new RaidItem
            {
                ProcurementId = id, Kind = r.Kind, Title = r.Title, Description = r.Description, Owner = r.Owner, Rating = r.Rating, Mitigation = r.Mitigation, OtherProgramme = r.OtherProgramme,
            }));
            db.AddRange(t.ProposedKpis.Select(k => new ProposedKpi
            {
                ProcurementId = id, Code = k.Code, Name = k.Name, Unit = k.Unit, Direction = k.Direction, Target = k.Target, AmberThreshold = k.AmberThreshold, RedThreshold = k.RedThreshold,
            }));
            var criteria = t.Criteria.Select(c => new EvaluationCriterion { ProcurementId = id, Stage = c.Stage, Name = c.Name, Kind = c.Kind, Weight = c.Weight, RecordedAt = Utc(c.RecordedAt)!.Value }).ToList();
            db.AddRange(criteria);
            await db.SaveChangesAsync(ct);
            await AddRequirementsAsync(id, t.Requirements, ct);

            db.AddRange(t.DialogueSessions.Select(s => new DialogueSession
            {
                ProcurementId = id, BidderId = BidderOf(s.Bidder).Id, HeldOn = s.HeldOn, Attendees = s.Attendees, Minutes = s.Minutes, Actions = s.Actions,
            }));
            db.AddRange(t.Clarifications.Select(c => new ClarificationQuestion
            {
                ProcurementId = id, BidderId = BidderOf(c.Bidder).Id, Question = c.Question, Answer = c.Answer, AskedAt = Utc(c.AskedAt)!.Value,
                AnsweredAt = c.Answer is null ? null : Utc(c.PublishedAt ?? c.AskedAt), PublishedAt = Utc(c.PublishedAt),
            }));
            db.AddRange(t.Submissions.Select(s => new Submission
            {
                ProcurementId = id, BidderId = BidderOf(s.Bidder).Id, Stage = s.Stage, Kind = SubmissionKind.Original, Title = s.Title, Document = s.Document,
                Price = s.Price, Version = 1, SubmittedAt = Utc(s.SubmittedAt)!.Value, SubmittedBy = "seed",
            }));
            DateTime ScoredAt(EvaluationCriterion c) => opened.TryGetValue(c.Stage, out var at)
                ? at : throw new SeedException(file, $"scores on '{c.Name}' need the {c.Stage} bids opened first (openedAt)");
            EvaluationCriterion CriterionOf(string name) => criteria.LastOrDefault(c => c.Name == name) ?? throw new SeedException(file, $"criterion '{name}' is not defined for {t.Procurement}");
            db.AddRange(t.Scores.Select(s => new Score
            {
                ProcurementId = id, BidderId = BidderOf(s.Bidder).Id, CriterionId = CriterionOf(s.Criterion).Id, Value = s.Value, Justification = s.Justification,
                Evaluator = s.Evaluator, ScoredAt = ScoredAt(CriterionOf(s.Criterion)), Version = 1,
            }));
            db.AddRange(t.ModeratedScores.Select(s => new ModeratedScore
            {
                ProcurementId = id, BidderId = BidderOf(s.Bidder).Id, CriterionId = CriterionOf(s.Criterion).Id, Value = s.Value, Rationale = s.Justification,
                ModeratedBy = s.Evaluator, ModeratedAt = ScoredAt(CriterionOf(s.Criterion)).AddDays(1), Version = 1,
            }));
            if (t.Appraisal is { } appraisal)
                await AddAppraisalAsync(id, appraisal, ct);
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task AddRequirementsAsync(int procurementId, IEnumerable<RequirementSeed> versions, CancellationToken ct)
    {
        RequirementDocument? previous = null;
        foreach (var r in versions)
        {
            var document = new RequirementDocument
            {
                ProcurementId = procurementId, Title = r.Title, Content = r.Content, Version = (previous?.Version ?? 0) + 1, SupersedesId = previous?.Id,
                CreatedBy = "seed", CreatedAt = Utc(r.CreatedAt)!.Value,
            };
            db.Add(document);
            await db.SaveChangesAsync(ct);
            // Each version as the file bidders download: its text, stored by hash like any attachment.
            var bytes = System.Text.Encoding.UTF8.GetBytes($"{r.Title}, version {document.Version}\n\n{r.Content}\n");
            var file = Domain.Documents.Attachment.Describe(Domain.Documents.AttachmentOwner.RequirementDocument, document.Id,
                $"{r.Title} v{document.Version}.txt", "text/plain", bytes, "seed", document.CreatedAt);
            if (!await db.AttachmentContents.AnyAsync(c => c.Sha256 == file.Sha256, ct))
                db.AttachmentContents.Add(new Domain.Documents.AttachmentContent { Sha256 = file.Sha256, Bytes = bytes });
            db.Attachments.Add(file);
            await db.SaveChangesAsync(ct);
            previous = document;
        }
    }

    private async Task AddAppraisalAsync(int procurementId, AppraisalSeed a, CancellationToken ct)
    {
        var appraisal = new OptionsAppraisal
        {
            ProcurementId = procurementId, Title = a.Title, Summary = a.Summary, Status = a.Status, ApprovedBy = a.ApprovedBy, ApprovedAt = Utc(a.ApprovedAt),
            PreferenceRationale = a.PreferenceRationale,
        };
        db.Add(appraisal);
        await db.SaveChangesAsync(ct);
        var options = a.Options.ToDictionary(o => o.Name, o => new AppraisalOption
        {
            OptionsAppraisalId = appraisal.Id, Name = o.Name, Kind = o.Kind, Description = o.Description, WholeLifeCost = o.WholeLifeCost, IsInHouseComparator = o.IsInHouseComparator,
        });
        var criteria = a.Criteria.ToDictionary(c => c.Name, c => new AppraisalCriterion { OptionsAppraisalId = appraisal.Id, Name = c.Name, Weight = c.Weight });
        db.AddRange(options.Values);
        db.AddRange(criteria.Values);
        await db.SaveChangesAsync(ct);
        AppraisalOption Option(string name) => options.TryGetValue(name, out var o) ? o : throw new SeedException(file, $"appraisal option '{name}' is not defined");
        db.AddRange(a.Scores.Select(s => new OptionScore
        {
            OptionsAppraisalId = appraisal.Id, AppraisalOptionId = Option(s.Option).Id,
            AppraisalCriterionId = criteria.TryGetValue(s.Criterion, out var c) ? c.Id : throw new SeedException(file, $"appraisal criterion '{s.Criterion}' is not defined"),
            Value = s.Value, Rationale = s.Rationale,
        }));
        db.AddRange(a.Savings.Select(s => new SavingsLine
        {
            OptionsAppraisalId = appraisal.Id, AppraisalOptionId = s.Option is null ? null : Option(s.Option).Id, Description = s.Description, AnnualAmount = s.AnnualAmount,
            Method = s.Method, Assumptions = s.Assumptions, Evidence = s.Evidence,
        }));
        db.AddRange(a.Risks.Select(r => new AppraisalRisk
        {
            OptionsAppraisalId = appraisal.Id, AppraisalOptionId = r.Option is null ? null : Option(r.Option).Id, Description = r.Description, Rating = r.Rating, Mitigation = r.Mitigation,
        }));
        appraisal.PreferredOptionId = a.Preferred is null ? null : Option(a.Preferred).Id;
    }

    private static DateTime? Utc(DateTime? value) => value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;
}
