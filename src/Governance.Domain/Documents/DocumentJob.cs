using System.ComponentModel.DataAnnotations;
using Governance.Domain.Common;

namespace Governance.Domain.Documents;

public enum DocumentJobStatus
{
    Queued,
    Running,
    Completed,
    Failed,
}

/// <summary>
/// A meeting's whole pack (every agenda item's Part A, and Part B where an item has exempt material) generated
/// in the background; its progress is read from this row while it runs.
/// </summary>
public class DocumentJob : Entity
{
    [ServerManaged]
    public int MeetingId { get; set; }

    [ServerManaged]
    public DocumentJobStatus Status { get; set; }

    [ServerManaged]
    public int ItemsTotal { get; set; }

    [ServerManaged]
    public int ItemsDone { get; set; }

    [ServerManaged]
    public int DocumentsWritten { get; set; }

    [ServerManaged, MaxLength(256)]
    public string RequestedBy { get; set; } = "";

    [ServerManaged]
    public DateTime RequestedAt { get; set; }

    [ServerManaged]
    public DateTime? StartedAt { get; set; }

    [ServerManaged]
    public DateTime? FinishedAt { get; set; }

    [ServerManaged, MaxLength(2000)]
    public string? Error { get; set; }

    /// <summary>The published documents the job produced (or found already published, unchanged), in order: "12, 13, 15".</summary>
    [ServerManaged, MaxLength(4000)]
    public string DocumentIds { get; set; } = "";

    /// <summary>Percentage of agenda items done, for a progress bar.</summary>
    [ServerManaged]
    public int PercentComplete { get; set; }

    /// <summary>Counts an agenda item as done, with the documents it produced.</summary>
    public void ItemDone(IEnumerable<int> documents)
    {
        Produced(documents);
        ItemsDone++;
        PercentComplete = ItemsTotal == 0 ? 100 : ItemsDone * 100 / ItemsTotal;
    }

    public void Produced(IEnumerable<int> documents)
    {
        var all = DocumentIds.Split(", ", StringSplitOptions.RemoveEmptyEntries).Concat(documents.Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        DocumentIds = string.Join(", ", all);
        DocumentsWritten = DocumentIds.Split(", ", StringSplitOptions.RemoveEmptyEntries).Length;
    }

    public void Complete(DateTime nowUtc)
    {
        Status = DocumentJobStatus.Completed;
        PercentComplete = 100;
        FinishedAt = nowUtc;
    }
}
