using Governance.Api.Features.Transparency;
using Governance.Domain.Calendar;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Api.Portal.Pages.Transparency;

/// <summary>The Transparency Code's quarterly contracts files, for anyone (a public page): the last eight quarters, each a download; and where the OCDS data is.</summary>
public sealed class TransparencyModel(TimeProvider time, Features.Transparency.Ocds.OcdsReleases ocds) : PageModel
{
    public string OcidPrefix => ocds.Prefix;

    public IReadOnlyList<TransparencyCodeFile.Quarter> Quarters { get; private set; } = [];

    public void OnGet()
    {
        var today = LondonTime.DateOf(time.GetUtcNow().UtcDateTime);
        var current = new TransparencyCodeFile.Quarter(today.Year, ((today.Month - 1) / 3) + 1);
        Quarters = [.. Enumerable.Range(0, 8).Select(back =>
        {
            var first = current.First.AddMonths(-3 * back);
            return new TransparencyCodeFile.Quarter(first.Year, ((first.Month - 1) / 3) + 1);
        })];
    }
}
