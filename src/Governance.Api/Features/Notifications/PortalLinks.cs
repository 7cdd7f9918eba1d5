namespace Governance.Api.Features.Notifications;

/// <summary>
/// The portal page a person acts on a record from: what a notification links to, so that its e-mail opens the
/// record's page rather than an API address. Records with no page of their own link to the list they are acted on in.
/// </summary>
public static class PortalLinks
{
    public static string? For(string? type, int? id) => (type, id) switch
    {
        ("Escalation", { } i) => $"/work/escalations/{i}",
        ("Procurement", { } i) => $"/work/procurements/{i}",
        ("Contract", { } i) => $"/work/contracts/{i}",
        ("Notice", { } i) => $"/work/notices/{i}",
        ("AgendaItem", { } i) => $"/manage/items/{i}",
        ("ScrutinyQuestion", _) => "/questions",
        ("Consultation", _) => "/consultations",
        ("SignOffRequest", _) => "/sign-offs",
        _ => null,
    };

    /// <summary>A bidder's page for a procurement it takes part in.</summary>
    public static string Bid(int procurementId) => $"/work/bids/{procurementId}";

    /// <summary>Whether a stored link is a portal page already (an older notification may hold an API address).</summary>
    public static bool IsPage(string? link) => link is { Length: > 0 } && link.StartsWith('/') && !link.StartsWith("/odata", StringComparison.Ordinal) && !link.StartsWith("/api", StringComparison.Ordinal);
}
