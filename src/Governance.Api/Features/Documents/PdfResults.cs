using Governance.Domain.Documents;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Api.Features.Documents;

internal static class PdfResults
{
    /// <summary>The PDF as a download, with where its published record lives and the hash to check it by.</summary>
    public static FileContentResult Pdf(this ControllerBase controller, PublishedDocument document, byte[] bytes) =>
        Pdf(controller.Response, document, bytes);

    /// <summary>The same, for a portal page.</summary>
    public static FileContentResult Pdf(HttpResponse response, PublishedDocument document, byte[] bytes)
    {
        var headers = response.Headers;
        headers["Content-Location"] = $"/odata/PublishedDocuments({document.Id})";
        headers["X-Document-Id"] = document.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers["X-Document-Version"] = document.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers["X-Content-SHA256"] = document.Sha256;
        return new FileContentResult(bytes, "application/pdf") { FileDownloadName = document.FileName };
    }
}
