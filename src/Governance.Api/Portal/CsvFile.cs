using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Api.Portal;

/// <summary>
/// A list page's rows as a CSV download (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read the pound sign):
/// every field quoted with its quotes doubled, and a field starting with =, +, - or @ given a leading apostrophe so
/// that a spreadsheet shows it instead of running it. Pages offer it as ?format=csv with the same filter and rows.
/// </summary>
public static class CsvFile
{
    public const string Format = "csv";

    public static FileContentResult Of(string fileName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows) =>
        new(Bytes(header, rows), "text/csv") { FileDownloadName = fileName };

    /// <summary>The file's bytes: the pages' downloads and the API's $format=csv write the same CSV.</summary>
    public static byte[] Bytes(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var csv = new StringBuilder();
        Line(csv, header);
        foreach (var row in rows)
            Line(csv, row);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>Null when the format is the page itself or CSV; otherwise the 400 that names what is offered.</summary>
    public static BadRequestObjectResult? Refuse(string? format) =>
        format is null or Format ? null : new BadRequestObjectResult($"The format \"{format}\" is not offered: leave it out for the page, or ask for csv.");

    private static void Line(StringBuilder csv, IReadOnlyList<string> fields) =>
        csv.Append(string.Join(',', fields.Select(Field))).Append("\r\n");

    private static string Field(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
