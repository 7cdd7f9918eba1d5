using System.Diagnostics.Metrics;

namespace Governance.Api.OData.Listing;

/// <summary>How many listings the listing writer answered, for operators watching how much traffic takes the fast path.</summary>
public sealed class ListingMetrics
{
    public const string MeterName = "Governance.OData";
    public const string WrittenName = "governance.odata.listings_written";

    private readonly Counter<long> written;

    public ListingMetrics(IMeterFactory meters) =>
        written = meters.Create(MeterName).CreateCounter<long>(WrittenName, description: "Entity-set listings answered by the listing writer");

    internal void Written(string entitySet) => written.Add(1, new KeyValuePair<string, object?>("entity_set", entitySet));
}
