using System.Security.Claims;
using Governance.Api.Features.Attachments;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Api.Portal.Pages;

/// <summary>A file attached to a record, for whoever may read the record (AttachmentStore's rule); anyone else gets 404.</summary>
public sealed class FilesModel(AttachmentStore store) : GatedPageModel
{
    protected override bool MayUse(ClaimsPrincipal user) => true;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await store.OpenAsync(id, User, ct) is not { } file)
            return NotFound();
        Response.Headers["X-Content-SHA256"] = file.Attachment.Sha256;
        return File(file.Bytes, file.Attachment.ContentType, file.Attachment.FileName);
    }
}
