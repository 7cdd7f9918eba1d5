using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;

namespace Governance.Domain.Documents;

/// <summary>The records a file can be attached to; each reads its attachments with its own confidentiality.</summary>
public enum AttachmentOwner
{
    /// <summary>A version of a procurement's requirements: the team and that procurement's bidders.</summary>
    RequirementDocument,

    /// <summary>A bid: its bidder, and the team only once the stage's bids are opened.</summary>
    Submission,

    /// <summary>Evidence for a KPI return: council accounts, and the supplier whose contract it is (never the public).</summary>
    Measurement,
}

/// <summary>
/// A file attached to a record: its name, type, size and SHA-256, who attached it and when. Append-only: a changed
/// file is another attachment. The bytes are kept once per hash (<see cref="AttachmentContent"/>), so identical files
/// share them and nothing is ever overwritten.
/// </summary>
public class Attachment : Entity
{
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>What a council's records are sent as, each with the bytes its files start with.</summary>
    private static readonly Dictionary<string, byte[][]> Signatures = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/pdf"] = [[0x25, 0x50, 0x44, 0x46, 0x2D]],
        ["image/png"] = [[0x89, 0x50, 0x4E, 0x47]],
        ["image/jpeg"] = [[0xFF, 0xD8, 0xFF]],
        // Office and OpenDocument files are zip archives.
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = [[0x50, 0x4B, 0x03, 0x04]],
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = [[0x50, 0x4B, 0x03, 0x04]],
        ["application/vnd.oasis.opendocument.text"] = [[0x50, 0x4B, 0x03, 0x04]],
        ["application/vnd.oasis.opendocument.spreadsheet"] = [[0x50, 0x4B, 0x03, 0x04]],
        ["text/csv"] = [],
        ["text/plain"] = [],
    };

    public static IReadOnlyCollection<string> ContentTypes => Signatures.Keys;

    public AttachmentOwner OwnerType { get; set; }

    public int OwnerId { get; set; }

    [Required, MaxLength(200)]
    public string FileName { get; set; } = "";

    [Required, MaxLength(100)]
    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    [Required, MaxLength(64)]
    public string Sha256 { get; set; } = "";

    [Required, MaxLength(256)]
    public string AttachedBy { get; set; } = "";

    public DateTime AttachedAt { get; set; }

    /// <summary>
    /// Describes a file to attach, checking it first: not empty, within the size limit, of a type the council takes,
    /// and starting with that type's bytes (a file named .pdf that is not a PDF is refused); text must be UTF-8 without
    /// control characters. The name keeps no folder, only its last part.
    /// </summary>
    public static Attachment Describe(AttachmentOwner owner, int ownerId, string? fileName, string? contentType, byte[] bytes, string by, DateTime nowUtc, long maxBytes = MaxBytes)
    {
        if (bytes.Length == 0)
            throw new BusinessRuleException("attachment-empty", "The file is empty.", isInvalidInput: true);
        if (bytes.Length > maxBytes)
            throw new BusinessRuleException("attachment-too-large", $"A file may be at most {maxBytes / (1024 * 1024)} MB; this one is {bytes.Length / (1024.0 * 1024):0.#} MB.", isInvalidInput: true);
        var type = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (!Signatures.TryGetValue(type, out var starts))
            throw new BusinessRuleException("attachment-type", $"Files of type \"{type}\" are not taken; send PDF, Word, Excel, OpenDocument, CSV, text, PNG or JPEG.", isInvalidInput: true);
        if (starts.Length > 0 ? !starts.Any(s => bytes.AsSpan().StartsWith(s)) : !IsText(bytes))
            throw new BusinessRuleException("attachment-type", $"The file's content is not {type}, as its type says.", isInvalidInput: true);
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/')).Trim();
        if (name.Length is 0 or > 200)
            throw new BusinessRuleException("attachment-name", "Give the file a name of at most 200 characters.", isInvalidInput: true);
        return new Attachment
        {
            OwnerType = owner, OwnerId = ownerId, FileName = name, ContentType = type, Size = bytes.Length,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), AttachedBy = by, AttachedAt = nowUtc,
        };
    }

    private static bool IsText(byte[] bytes)
    {
        try
        {
            var text = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return !text.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t'));
        }
        catch (System.Text.DecoderFallbackException)
        {
            return false;
        }
    }
}

/// <summary>A file's bytes, kept once under their SHA-256 and never changed.</summary>
public class AttachmentContent
{
    [Key, MaxLength(64)]
    public string Sha256 { get; set; } = "";

    public byte[] Bytes { get; set; } = [];
}
