using Governance.Api.Portal;

namespace Governance.Api.Features.Transparency;

/// <summary>GET /api/transparency/contracts?quarter=2015-Q2: the quarter's Transparency Code contracts file, public, as CSV.</summary>
public static class TransparencyEndpoints
{
    public static IEndpointRouteBuilder MapTransparency(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/transparency/contracts", FileAsync).WithName("Transparency_Contracts").WithTags("Transparency").AllowAnonymous()
            .Produces<byte[]>(StatusCodes.Status200OK, "text/csv");
        return app;
    }

    private static async Task<IResult> FileAsync(string? quarter, TransparencyCodeFile file, CancellationToken ct)
    {
        if (TransparencyCodeFile.Parse(quarter) is not { } asked)
            return TypedResults.Problem($"Name the quarter as ?quarter=2015-Q2 (calendar quarters: Q1 is January to March); \"{quarter}\" is not one.", statusCode: StatusCodes.Status400BadRequest, title: "quarter");
        var bytes = CsvFile.Bytes(TransparencyCodeFile.Header, await file.RowsAsync(asked, ct));
        return TypedResults.File(bytes, "text/csv", $"contracts-over-5000-{asked}.csv");
    }
}
