using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Domain.Calendar;
using Governance.Domain.Scrutiny;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Pages;

/// <summary>
/// A councillor's or union representative's scrutiny questions: asked here on an agenda item they can see (through
/// the exemption filter), recorded by the domain (ScrutinyQuestion.Ask: who, when, due in ten working days), and
/// followed until answered. Who may ask is the API's rule (AccessRules), not a second one.
/// </summary>
public sealed class QuestionsModel(GovernanceDbContext db, TimeProvider time, StatutoryClocks clocks) : PageModel
{
    private const int MaxLength = 4000;

    public sealed record ItemChoice(int Id, string Label);

    public bool CanAsk => AccessRules.CanWrite("ScrutinyQuestions", User.IsInRole);

    public IReadOnlyList<ItemChoice> Items { get; private set; } = [];

    public IReadOnlyList<ScrutinyQuestion> Mine { get; private set; } = [];

    public Dictionary<string, string> Errors { get; } = [];

    [BindProperty]
    public int? Item { get; set; }

    [BindProperty]
    public string? Question { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Asked { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanAsk)
            return Forbid();
        if (Item is not { } itemId || !await db.AgendaItems.AnyAsync(a => a.Id == itemId, ct))
            Errors["item"] = "Choose the agenda item your question is about";
        if (string.IsNullOrWhiteSpace(Question))
            Errors["question"] = "Enter your question";
        else if (Question.Length > MaxLength)
            Errors["question"] = $"Your question must be {MaxLength:N0} characters or fewer";
        if (Errors.Count > 0)
        {
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var question = new ScrutinyQuestion { AgendaItemId = Item, Question = Question!.Trim() };
        question.Ask(User.Identity?.Name ?? "", time.GetUtcNow().UtcDateTime, clocks.Days);
        db.ScrutinyQuestions.Add(question);
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { asked = true }); // post, redirect, get: a refresh does not ask twice
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var name = User.Identity?.Name ?? "";
        Mine = await db.ScrutinyQuestions.AsNoTracking().Where(q => q.AskedBy == name).OrderByDescending(q => q.AskedAt).ToListAsync(ct);
        Items = (await db.AgendaItems.AsNoTracking().OrderByDescending(a => a.MeetingId).ThenBy(a => a.Number).Take(100)
            .Select(a => new { a.Id, a.Number, a.Title, Committee = db.Meetings.Where(m => m.Id == a.MeetingId).Select(m => m.Committee!.Name).FirstOrDefault() }).ToListAsync(ct))
            .Select(a => new ItemChoice(a.Id, $"{a.Committee}: item {a.Number}, {a.Title}")).ToList();
    }
}
