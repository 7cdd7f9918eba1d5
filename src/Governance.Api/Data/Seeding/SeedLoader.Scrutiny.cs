using Governance.Domain.Calendar;
using Governance.Domain.Contracts;
using Governance.Domain.Scrutiny;
using Governance.Domain.Tendering;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Data.Seeding;

public sealed partial class SeedLoader
{
    /// <summary>Agenda items with their papers and questions, forward-plan entries and union consultations.</summary>
    private async Task AddScrutinyAsync(SeedFile seed, CancellationToken ct)
    {
        var clocks = StatutoryClocks.EnglandAndWales;
        foreach (var a in seed.AgendaItems)
        {
            var startsAt = LondonTime.ToUtc(a.MeetingStartsAt);
            var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Committee!.Name == a.Committee && m.StartsAt == startsAt, ct)
                ?? throw new SeedException(file, $"no meeting of '{a.Committee}' at {a.MeetingStartsAt:O}");
            var deadline = clocks.LatestAgendaPublication(LondonTime.DateOf(startsAt));
            var published = a.PaperPublishedAt is { } p ? LondonTime.ToUtc(p) : (DateTime?)null;
            var (subjectType, subjectId) = a.Procurement is not null ? (nameof(Procurement), Resolve(procurements, a.Procurement, "procurement").Id)
                : a.Contract is not null ? (nameof(Contract), (await db.Contracts.SingleOrDefaultAsync(c => c.Reference == a.Contract, ct) ?? throw new SeedException(file, $"no contract '{a.Contract}'")).Id)
                : ((string?)null, (int?)null);
            var item = new AgendaItem
            {
                MeetingId = meeting.Id, Number = a.Number, Title = a.Title, LeadOfficer = a.LeadOfficer, LeadMember = a.LeadMember, ContactOfficer = a.ContactOfficer,
                Wards = a.Wards, Recommendations = a.Recommendations is null ? null : string.Join('\n', a.Recommendations),
                SubjectType = subjectType, SubjectId = subjectId,
                PublicationDeadline = deadline, PaperPublishedAt = published, PublishedLate = published is { } at && LondonTime.DateOf(at) > deadline,
            };
            db.AgendaItems.Add(item);
            await db.SaveChangesAsync(ct);
            await AddPaperSectionsAsync(item, meeting.CommitteeId, a.Sections ?? [], ct);
            if (a.Decision is { } d)
            {
                var decision = new Decision { AgendaItemId = item.Id, Outcome = d.Outcome, VotesFor = d.VotesFor, VotesAgainst = d.VotesAgainst, Abstentions = d.Abstentions, DecidedOn = LondonTime.DateOf(startsAt) };
                decision.Publish(d.PublishedOn, clocks.Days);
                db.Decisions.Add(decision);
            }
            db.ScrutinyQuestions.AddRange((a.Questions ?? []).Select(q => new ScrutinyQuestion
            {
                AgendaItemId = item.Id, Question = q.Question, AskedBy = q.AskedBy, AskedAt = LondonTime.ToUtc(q.AskedAt), DueOn = q.DueOn,
                Answer = q.Answer, AnsweredBy = q.AnsweredBy, AnsweredAt = q.Answer is null ? null : LondonTime.ToUtc(q.AskedAt).AddDays(5),
            }));
        }

        foreach (var f in seed.ForwardPlan)
        {
            var committee = await db.Committees.SingleOrDefaultAsync(c => c.Name == f.Committee, ct) ?? throw new SeedException(file, $"no committee '{f.Committee}'");
            var latest = StatutoryClocks.LatestForwardPlanNotice(f.DecisionDate);
            db.ForwardPlanEntries.Add(new ForwardPlanEntry
            {
                Title = f.Title, CommitteeId = committee.Id, DecisionDate = f.DecisionDate, PublishedOn = f.PublishedOn, KeyDecision = f.KeyDecision, PrivateItem = f.PrivateItem,
                SubjectType = f.Procurement is null ? null : nameof(Procurement), SubjectId = f.Procurement is null ? null : Resolve(procurements, f.Procurement, "procurement").Id,
                LatestNoticeDate = latest, NoticeGiven = f.PublishedOn <= latest, // historical entries keep their recorded date
            });
        }

        db.Consultations.AddRange(seed.Consultations.Select(c => new Consultation
        {
            SubjectType = nameof(Procurement), SubjectId = Resolve(procurements, c.Procurement, "procurement").Id, Gate = c.Gate, Topic = c.Topic,
            ResponseWorkingDays = c.ResponseWorkingDays, OpenedAt = LondonTime.ToUtc(c.OpenedAt), RespondBy = c.RespondBy, Response = c.Response,
        }));
        await db.SaveChangesAsync(ct);
    }

    private async Task AddPaperSectionsAsync(AgendaItem item, int committeeId, List<PaperSectionSeed> sections, CancellationToken ct)
    {
        var order = 0;
        foreach (var s in sections)
        {
            var section = new PaperSection { AgendaItemId = item.Id, Number = s.Number, Subheading = s.Subheading, Body = s.Body, Order = order++ };
            db.PaperSections.Add(section);
            if (s.Exempt is null)
                continue;
            await db.SaveChangesAsync(ct);
            db.ExemptionMarkings.Add(new ExemptionMarking
            {
                EntityType = nameof(PaperSection), EntityKey = section.Id, Paragraph = s.Exempt.Paragraph, PublicInterestTest = s.Exempt.PublicInterestTest,
                CommitteeId = committeeId, MarkedBy = "democraticservicesofficer@demo.local", MarkedAt = item.PaperPublishedAt ?? DateTime.UnixEpoch,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
