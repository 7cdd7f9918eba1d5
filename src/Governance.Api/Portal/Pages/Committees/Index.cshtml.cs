using Governance.Api.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Portal.Pages.Committees;

public sealed class CommitteesModel(GovernanceDbContext db) : PageModel
{
    public IReadOnlyList<(int Id, string Name)> Committees { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Committees = (await db.Committees.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name)).ToList();
}
