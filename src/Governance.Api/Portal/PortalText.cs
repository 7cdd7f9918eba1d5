using Governance.Domain.Calendar;
using Governance.Domain.Scrutiny;

namespace Governance.Api.Portal;

/// <summary>How the portal writes dates and roles for people: London time, days spelt out, roles in words.</summary>
public static class PortalText
{
    public static string When(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), LondonTime.Zone);
        return local.ToString("dddd d MMMM yyyy, h:mmtt", System.Globalization.CultureInfo.GetCultureInfo("en-GB")).Replace("AM", "am", StringComparison.Ordinal).Replace("PM", "pm", StringComparison.Ordinal);
    }

    /// <summary>An enum's name as words: "InRemediation" reads "In remediation".</summary>
    public static string Words(string value) =>
        string.Concat(value.Select((ch, i) => i > 0 && char.IsUpper(ch) ? " " + char.ToLowerInvariant(ch) : ch.ToString()));

    public static string Day(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    public static string Role(MemberRole role) => role switch
    {
        MemberRole.ViceChair => "Vice-chair",
        MemberRole.CoOpted => "Co-opted member",
        MemberRole.UnionRepresentative => "Trade union representative",
        _ => role.ToString(),
    };
}
