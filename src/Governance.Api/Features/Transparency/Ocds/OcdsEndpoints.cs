using System.Globalization;
using System.Text.Json.Nodes;

namespace Governance.Api.Features.Transparency.Ocds;

/// <summary>
/// Public OCDS: GET /ocds/releases?since=2015-01-01&amp;until=2015-12-31&amp;page=2 (a release package of up to 100 releases
/// dated in the range, oldest first; the next page in a Link header) and GET /ocds/records/{ocid} (the process's record package).
/// </summary>
public static class OcdsEndpoints
{
    public const int PageSize = 100;

    public static IEndpointRouteBuilder MapOcds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/ocds/releases", ReleasesAsync).WithName("Ocds_Releases").WithTags("Transparency").AllowAnonymous().Produces<string>(StatusCodes.Status200OK, "application/json");
        app.MapGet("/ocds/records/{ocid}", RecordAsync).WithName("Ocds_Record").WithTags("Transparency").AllowAnonymous().Produces<string>(StatusCodes.Status200OK, "application/json");
        return app;
    }

    private static async Task<IResult> ReleasesAsync(HttpContext http, string? since, string? until, int? page, OcdsReleases source, TimeProvider time, CancellationToken ct)
    {
        DateOnly from = DateOnly.MinValue, to = DateOnly.MaxValue;
        if (since is not null && !DateOnly.TryParseExact(since, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out from))
            return Problem("since", $"Give since as a date, e.g. ?since=2015-01-01; \"{since}\" is not one.");
        if (until is not null && !DateOnly.TryParseExact(until, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out to))
            return Problem("until", $"Give until as a date, e.g. ?until=2015-12-31; \"{until}\" is not one.");
        if (to < from)
            return Problem("until", "until is before since: the range holds no day.");
        if (page is < 1 or > 100_000)
            return Problem("page", "Pages are numbered from 1.");
        var number = page ?? 1;
        // A release's date is an instant on its day: the range is whole days, since's first to until's last.
        var (fromText, beyond) = (from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), to == DateOnly.MaxValue ? null : to.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var all = (await source.AllAsync(ct))
            .Where(r => string.CompareOrdinal((string)r["date"]!, fromText) >= 0 && (beyond is null || string.CompareOrdinal((string)r["date"]!, beyond) < 0)).ToList();
        var slice = all.Skip((number - 1) * PageSize).Take(PageSize).ToList();
        var range = (since is null ? "" : $"since={fromText}&") + (until is null ? "" : $"until={to:yyyy-MM-dd}&");
        var self = $"{http.Request.Scheme}://{http.Request.Host}/ocds/releases?{range}page={number}";
        if (all.Count > number * PageSize)
            http.Response.Headers.Link = $"<{self.Replace($"page={number}", $"page={number + 1}", StringComparison.Ordinal)}>; rel=\"next\"";
        return Json(OcdsPackages.ReleasePackage(self, source.PublisherName, slice, time.GetUtcNow().UtcDateTime));
    }

    private static async Task<IResult> RecordAsync(HttpContext http, string ocid, OcdsReleases source, TimeProvider time, CancellationToken ct)
    {
        var releases = (await source.AllAsync(ct)).Where(r => (string)r["ocid"]! == ocid).ToList();
        if (releases.Count == 0)
            return TypedResults.Problem($"No public contracting process has the ocid {ocid}.", statusCode: StatusCodes.Status404NotFound, title: "ocid");
        var uri = $"{http.Request.Scheme}://{http.Request.Host}/ocds/records/{Uri.EscapeDataString(ocid)}";
        return Json(OcdsPackages.RecordPackage(uri, source.PublisherName, ocid, releases, time.GetUtcNow().UtcDateTime));
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Json(JsonObject package) => TypedResults.Text(package.ToJsonString(), "application/json; charset=utf-8");

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem(string title, string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: title);
}
