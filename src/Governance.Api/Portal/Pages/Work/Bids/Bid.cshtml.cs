using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.Features.Tendering;
using Governance.Api.Features.Tendering.Bids;
using Governance.Domain.Common;
using Governance.Domain.Tendering;
using Governance.Domain.Tendering.Bids;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Pages.Work.Bids;

/// <summary>
/// One procurement as its bidder sees it: the stage and deadlines, the clarifications published to every bidder,
/// its own questions (and asking one), its own submissions (and submitting, with a receipt), open change requests
/// the council made of it, and its letters. Every record is read through the same confidentiality as the API's sets
/// (a bidder its own, never another's), and questions and bids are received by Clarifications and SubmissionDesk,
/// the services the API's sets use, so the deadline refuses a late bid here exactly as it does there.
/// </summary>
public sealed class BidModel(GovernanceDbContext db, ProcurementTeam team, Clarifications clarifications, SubmissionDesk desk, Features.Attachments.AttachmentStore files)
    : GatedPageModel
{
    public sealed record Published(string Question, string Answer, DateTime PublishedAt);

    public Procurement Procurement { get; private set; } = null!;

    public Bidder Bidder { get; private set; } = null!;

    public IReadOnlyList<ProcurementStageDate> Timetable { get; private set; } = [];

    public ProcurementStageDate? Current => Timetable.FirstOrDefault(d => d.Stage == Procurement.Stage);

    public IReadOnlyList<Published> Clarifications { get; private set; } = [];

    public IReadOnlyList<ClarificationQuestion> OwnQuestions { get; private set; } = [];

    public IReadOnlyList<Submission> Submissions { get; private set; } = [];

    public IReadOnlyList<TenderChangeRequest> OpenRequests { get; private set; } = [];

    public IReadOnlyList<AwardLetter> Letters { get; private set; } = [];

    /// <summary>The procurement's requirement documents, each version, as its bidders read them.</summary>
    public IReadOnlyList<RequirementDocument> Requirements { get; private set; } = [];

    public ILookup<int, Domain.Documents.Attachment> RequirementFiles { get; private set; } = Array.Empty<Domain.Documents.Attachment>().ToLookup(a => a.OwnerId);

    /// <summary>The submission just received, shown as the bidder's receipt.</summary>
    public Submission? Receipt { get; private set; }

    [BindProperty(SupportsGet = true, Name = "receipt")]
    public int? ReceiptId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty]
    public SubmissionForm Form { get; set; } = new();

    public sealed class SubmissionForm
    {
        public string? Title { get; set; }

        public string? Document { get; set; }

        public string? Price { get; set; }

        public int? ChangeRequest { get; set; }

        public string? Justification { get; set; }

        /// <summary>The bid's document, attached to it in the same transaction.</summary>
        public IFormFile? File { get; set; }
    }

    /// <summary>The files of the bidder's own submissions.</summary>
    public ILookup<int, Domain.Documents.Attachment> Files { get; private set; } = Array.Empty<Domain.Documents.Attachment>().ToLookup(a => a.OwnerId);

    protected override bool MayUse(ClaimsPrincipal user) => user.SupplierScope() is not null && AccessRules.CanWrite("Submissions", user.IsInRole);

    /// <summary>The digest that identifies exactly what was submitted: a bidder can show later what it sent.</summary>
    public static string Digest(Submission submission) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(submission.Document)));

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAskAsync(int id, string? question, CancellationToken ct)
    {
        if (await team.OwnBidderAsync(id, User, ct) is not { } bidder)
            return NotFound();
        var asked = new ClarificationQuestion { ProcurementId = id, BidderId = bidder.Id, Question = question?.Trim() ?? "" };
        if (Invalid(asked, "question", new() { [nameof(ClarificationQuestion.Question)] = "Enter your question, in no more than 4,000 characters" }))
            return await ShowAsync(id, ct);
        if (await clarifications.AskAsync(asked, User, ct) is { } refused)
        {
            Refused("question", refused);
            return await ShowAsync(id, ct);
        }
        db.ClarificationQuestions.Add(asked);
        await db.SaveChangesAsync(ct);
        return Redirect($"/work/bids/{id}?done=asked#questions");
    }

    public async Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct)
    {
        if (await team.OwnBidderAsync(id, User, ct) is not { } bidder)
            return NotFound();
        if (!decimal.TryParse(Form.Price, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.GetCultureInfo("en-GB"), out var price) || price < 0)
            Errors["price"] = "Enter the whole-life price in pounds, as a number, like 1250000";
        var request = Form.ChangeRequest is { } requestId
            ? await team.Confidential(db.TenderChangeRequests.AsNoTracking(), User).SingleOrDefaultAsync(r => r.Id == requestId && r.ProcurementId == id, ct)
            : null;
        if (Form.ChangeRequest is not null && request is null)
            Errors["change-request"] = "Choose one of the council's requests made of you";
        var procurementStage = await db.Procurements.Where(p => p.Id == id).Select(p => p.Stage).SingleAsync(ct);
        var submission = new Submission
        {
            ProcurementId = id, BidderId = bidder.Id, Title = Form.Title?.Trim() ?? "", Document = Form.Document?.Trim() ?? "", Price = price,
            Justification = string.IsNullOrWhiteSpace(Form.Justification) ? null : Form.Justification.Trim(), ChangeRequestId = request?.Id,
            // The kind follows from what the bidder is doing: answering a request, confirming as preferred bidder, or bidding.
            Kind = request?.Kind ?? (procurementStage == ProcurementStage.PreferredBidder ? SubmissionKind.FinancialConfirmation : SubmissionKind.Original),
        };
        Invalid(submission, "title", new()
        {
            [nameof(Submission.Title)] = "Enter a title for your submission, in no more than 300 characters",
            [nameof(Submission.Document)] = "Enter your solution, or where its documents are, in no more than 100,000 characters",
        });
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await ShowAsync(id, ct);
        }
        var field = "title";
        try
        {
            if (await desk.ReceiveAsync(submission, User, ct) is { } refused)
            {
                Refused("title", refused);
                return await ShowAsync(id, ct);
            }
            await using var transaction = await db.Database.BeginUnlessInOneAsync(ct);
            db.Submissions.Add(submission);
            await db.SaveChangesAsync(ct);
            await desk.AnswerRequestAsync(submission, ct);
            if (Form.File is { Length: > 0 } file)
            {
                field = "file";
                if ((await files.AttachAsync(Domain.Documents.AttachmentOwner.Submission, submission.Id, file, User, ct)).Refused is { } notAttached)
                {
                    // The bid goes with its file or not at all.
                    if (transaction is not null)
                        await transaction.RollbackAsync(ct);
                    Refused(field, notAttached);
                    return await ShowAsync(id, ct);
                }
                await db.SaveChangesAsync(ct);
            }
            await transaction.CommitIfOwnAsync(ct);
        }
        catch (BusinessRuleException rule)
        {
            Refused(field, rule);
            return await ShowAsync(id, ct);
        }
        return Redirect($"/work/bids/{id}?receipt={submission.Id}#receipt");
    }

    /// <summary>Checks a record's own limits (required, length); each failing member's message goes against the field given for it.</summary>
    private bool Invalid(object record, string firstField, Dictionary<string, string> messages)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(record, new ValidationContext(record), results, validateAllProperties: true))
            return false;
        foreach (var member in results.SelectMany(r => r.MemberNames).Distinct())
        {
            var field = member == nameof(Submission.Document) ? "document" : firstField;
            Errors.TryAdd(field, messages.GetValueOrDefault(member, $"Check {member}"));
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return true;
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await team.OwnBidderAsync(id, User, ct) is not { } bidder
            || await db.Procurements.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is not { } procurement)
            return false;
        Bidder = bidder;
        Procurement = procurement;
        Timetable = (await db.ProcurementStageDates.AsNoTracking().Where(d => d.ProcurementId == id).ToListAsync(ct)).OrderBy(d => d.Stage).ToList();
        // Published answers say nothing of who asked.
        Clarifications = await db.ClarificationQuestions.AsNoTracking().Where(q => q.ProcurementId == id && q.PublishedAt != null)
            .OrderByDescending(q => q.PublishedAt).Select(q => new Published(q.Question, q.Answer!, q.PublishedAt!.Value)).ToListAsync(ct);
        OwnQuestions = await team.Confidential(db.ClarificationQuestions.AsNoTracking(), User).Where(q => q.ProcurementId == id).OrderByDescending(q => q.AskedAt).ToListAsync(ct);
        Submissions = await team.Confidential(db.Submissions.AsNoTracking(), User).Where(s => s.ProcurementId == id).OrderByDescending(s => s.SubmittedAt).ToListAsync(ct);
        OpenRequests = await team.Confidential(db.TenderChangeRequests.AsNoTracking(), User).Where(r => r.ProcurementId == id && r.Status == ChangeRequestStatus.Open).ToListAsync(ct);
        Letters = await team.Confidential(db.AwardLetters.AsNoTracking(), User).Where(l => l.ProcurementId == id).OrderByDescending(l => l.GeneratedAt).ToListAsync(ct);
        Requirements = await db.RequirementDocuments.AsNoTracking().Where(r => r.ProcurementId == id).OrderBy(r => r.Title).ThenByDescending(r => r.Version).ToListAsync(ct);
        var requirementIds = Requirements.Select(r => r.Id).ToList();
        RequirementFiles = (await files.Readable(User).Where(a => a.OwnerType == Domain.Documents.AttachmentOwner.RequirementDocument && requirementIds.Contains(a.OwnerId)).ToListAsync(ct))
            .ToLookup(a => a.OwnerId);
        var submissionIds = Submissions.Select(s => s.Id).ToList();
        Files = (await files.Readable(User).Where(a => a.OwnerType == Domain.Documents.AttachmentOwner.Submission && submissionIds.Contains(a.OwnerId)).OrderBy(a => a.Id).ToListAsync(ct))
            .ToLookup(a => a.OwnerId);
        Receipt = ReceiptId is { } receipt ? Submissions.FirstOrDefault(s => s.Id == receipt) : null;
        return true;
    }
}
