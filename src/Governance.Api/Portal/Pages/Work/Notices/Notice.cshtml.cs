using System.Security.Claims;
using System.Text.Json;
using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.Features.Notices;
using Governance.Domain.Common;
using Governance.Domain.Notices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Pages.Work.Notices;

/// <summary>
/// One notice: what it is about, what started its clock and by when it is due under which provision, its content
/// (the latest draft, or what was published), and its published versions. Drafting, recording publication and
/// correcting go through NoticeDesk, as the API's actions do; a notice the officer may not read is a 404.
/// </summary>
public sealed class NoticeModel(GovernanceDbContext db, NoticeDesk desk) : GatedPageModel
{
    public Notice Notice { get; private set; } = null!;

    public IReadOnlyList<NoticeVersion> Versions { get; private set; } = [];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public string? Fields { get; private set; }

    public bool MayAct { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty]
    public string? ExternalReference { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    protected override bool MayUse(ClaimsPrincipal user) => AccessRules.CanWrite("Notices", user.IsInRole);

    public Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => ShowAsync(id, ct);

    public Task<IActionResult> OnPostDraftAsync(int id, CancellationToken ct) => ActAsync(id, "draft", n => desk.DraftAsync(n, ct), ct);

    public Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) => ActAsync(id, "publish", n => desk.PublishAsync(n, ExternalReference, User.Identity?.Name ?? "", ct), ct);

    public Task<IActionResult> OnPostCorrectAsync(int id, CancellationToken ct) =>
        ActAsync(id, "correct", n => desk.CorrectAsync(n, Reason, ExternalReference, User.Identity?.Name ?? "", ct), ct);

    private async Task<IActionResult> ActAsync(int id, string field, Func<Notice, Task> act, CancellationToken ct)
    {
        if (await desk.ActableAsync(id, User, ct) is not var (notice, refusal))
            return NotFound();
        if (refusal is not null)
            return Forbid();
        try
        {
            await act(notice);
        }
        catch (BusinessRuleException rule)
        {
            db.ChangeTracker.Clear();
            Refused(rule.Rule == "notice-correction-reason" ? "reason" : field == "draft" ? "draft" : "reference-" + field, rule);
            return await ShowAsync(id, ct);
        }
        await db.SaveChangesAsync(ct);
        return Redirect($"/work/notices/{id}?done={field}");
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken ct)
    {
        var notice = await desk.Readable(db.Notices.AsNoTracking(), User).SingleOrDefaultAsync(n => n.Id == id, ct);
        if (notice is null)
            return NotFound();
        Notice = notice;
        Versions = await db.NoticeVersions.AsNoTracking().Where(v => v.NoticeId == id).OrderByDescending(v => v.Version).ToListAsync(ct);
        MayAct = await desk.RefusalAsync(notice, User, ct) is null;
        if (notice.Content is { } json)
        {
            using var parsed = JsonDocument.Parse(json);
            Fields = JsonSerializer.Serialize(parsed.RootElement, Indented);
        }
        return Page();
    }
}
