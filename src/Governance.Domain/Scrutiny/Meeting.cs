using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;

namespace Governance.Domain.Scrutiny;

public class Meeting : ArchivableEntity
{
    public int CommitteeId { get; set; }

    public Committee? Committee { get; set; }

    /// <summary>Start of the meeting (UTC).</summary>
    public DateTime StartsAt { get; set; }

    [Required, MaxLength(300)]
    public string Venue { get; set; } = "";
}
