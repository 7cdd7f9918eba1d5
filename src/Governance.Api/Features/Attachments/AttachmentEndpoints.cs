using System.Security.Claims;
using Governance.Api.Data;
using Governance.Domain.Common;
using Governance.Domain.Documents;
using Microsoft.EntityFrameworkCore;
using Governance.Api.OData;

namespace Governance.Api.Features.Attachments;

public sealed record AttachmentView(int Id, string Owner, int OwnerId, string FileName, string ContentType, long Size, string Sha256, string AttachedBy, DateTime AttachedAt)
{
    public static AttachmentView Of(Attachment a) => new(a.Id, a.OwnerType.ToString(), a.OwnerId, a.FileName, a.ContentType, a.Size, a.Sha256, a.AttachedBy, a.AttachedAt);
}

/// <summary>
/// /api/attachments: attach a file to a record (multipart, one file), list a record's files, download one. Each with the
/// record's own rules through AttachmentStore; a file nobody may read here "does not exist".
/// </summary>
public static class AttachmentEndpoints
{
    public static IEndpointRouteBuilder MapAttachments(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup("/api/attachments").WithTags("Attachments").RequireAuthorization();
        files.MapPost("/", AttachAsync).WithName("Attachments_Attach").DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data").Produces<AttachmentView>(StatusCodes.Status201Created);
        files.MapGet("/", ListAsync).WithName("Attachments_List").Produces<List<AttachmentView>>();
        files.MapGet("/{id:int}/content", DownloadAsync).WithName("Attachments_Download")
            .Produces<byte[]>(StatusCodes.Status200OK, "application/pdf", [.. Attachment.ContentTypes.Where(t => t != "application/pdf")]);
        return app;
    }

    private static async Task<IResult> AttachAsync(
        string? owner, int? ownerId, HttpRequest request, ClaimsPrincipal user, AttachmentStore store, GovernanceDbContext db, CancellationToken ct)
    {
        if (!Enum.TryParse<AttachmentOwner>(owner, out var kind) || ownerId is not { } id)
            return Problem(StatusCodes.Status400BadRequest, "attachment-owner", $"Say what the file belongs to: ?owner={string.Join("|", Enum.GetNames<AttachmentOwner>())}&ownerId=N.");
        if (!request.HasFormContentType)
            return Problem(StatusCodes.Status415UnsupportedMediaType, "attachment-form", "Send the file as multipart/form-data, in a field named file.");
        var form = await request.ReadFormAsync(ct);
        if (form.Files.GetFile("file") is not { } file)
            return Problem(StatusCodes.Status400BadRequest, "attachment-file", "Send the file in a field named file.");
        try
        {
            var (attached, refused) = await store.AttachAsync(kind, id, file, user, ct);
            if (refused is not null)
                return Problem(refused.StatusCode ?? StatusCodes.Status400BadRequest, ODataErrors.CodeOf(refused), ODataErrors.MessageOf(refused));
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/attachments/{attached!.Id}/content", AttachmentView.Of(attached));
        }
        catch (BusinessRuleException rule)
        {
            return Problem(rule.Rule == "attachment-type" ? StatusCodes.Status415UnsupportedMediaType : StatusCodes.Status400BadRequest, rule.Rule, rule.Message);
        }
    }

    private static async Task<IResult> ListAsync(string? owner, int? ownerId, ClaimsPrincipal user, AttachmentStore store, CancellationToken ct)
    {
        if (!Enum.TryParse<AttachmentOwner>(owner, out var kind) || ownerId is not { } id)
            return Problem(StatusCodes.Status400BadRequest, "attachment-owner", $"Say whose files to list: ?owner={string.Join("|", Enum.GetNames<AttachmentOwner>())}&ownerId=N.");
        var rows = await store.Readable(user).Where(a => a.OwnerType == kind && a.OwnerId == id).OrderBy(a => a.Id).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(AttachmentView.Of).ToList());
    }

    private static async Task<IResult> DownloadAsync(int id, HttpResponse response, ClaimsPrincipal user, AttachmentStore store, CancellationToken ct)
    {
        if (await store.OpenAsync(id, user, ct) is not { } file)
            return Problem(StatusCodes.Status404NotFound, "NotFound", $"Attachment {id} does not exist.");
        response.Headers["X-Content-SHA256"] = file.Attachment.Sha256;
        return TypedResults.File(file.Bytes, file.Attachment.ContentType, file.Attachment.FileName);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem(int status, string code, string detail) => TypedResults.Problem(detail, statusCode: status, title: code);
}
