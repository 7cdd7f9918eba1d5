namespace Governance.Benchmarks.Harness;

/// <summary>
/// The exempt-information filter EF adds to every read (Schedule 12A markings hide a row from readers who are not
/// members of its committee), written as EF writes it, so that a hand-written baseline runs the same SQL.
/// </summary>
internal static class ExemptionSql
{
    /// <summary>The reader the baselines run as; a `$viewer` parameter carries it.</summary>
    public const string Viewer = "bench-councillor@council.example";

    /// <summary>
    /// The predicate for rows of <paramref name="entityType"/> under the table alias <paramref name="alias"/>, with
    /// the reader in the parameter <paramref name="viewer"/> (SQLite's `$viewer`, PostgreSQL's `@viewer`).
    /// </summary>
    public static string HiddenUnlessEntitled(string entityType, string alias, string viewer = "$viewer") => $"""
        NOT EXISTS (SELECT 1 FROM "ExemptionMarkings" AS "e"
          WHERE "e"."ArchivedAt" IS NULL AND "e"."EntityType" = '{entityType}' AND "e"."EntityKey" = "{alias}"."Id" AND NOT EXISTS (
            SELECT 1 FROM "Members" AS "mm"
            WHERE "mm"."ArchivedAt" IS NULL AND "mm"."CommitteeId" = "e"."CommitteeId" AND "mm"."Email" = {viewer} AND "mm"."Role" <> 'UnionRepresentative'))
        """;

    /// <summary>
    /// The predicate as EF writes it since the exemption filter follows every record a row belongs to (ADR 0013): the
    /// keys of <paramref name="entityType"/> marked for a committee the reader does not sit on (during their term),
    /// as one uncorrelated NOT IN per owner column. <paramref name="column"/> is the qualified column holding the key.
    /// </summary>
    public static string NotMarked(string entityType, string column, bool nullable = false, string viewer = "$viewer", string today = "$today")
    {
        var notIn = $"""
            {column} NOT IN (SELECT "e"."EntityKey" FROM "ExemptionMarkings" AS "e"
              WHERE "e"."ArchivedAt" IS NULL AND "e"."EntityType" = '{entityType}' AND NOT EXISTS (
                SELECT 1 FROM "Members" AS "mm"
                WHERE "mm"."ArchivedAt" IS NULL AND "mm"."CommitteeId" = "e"."CommitteeId" AND "mm"."Email" = {viewer} AND "mm"."Role" <> 'UnionRepresentative'
                  AND "mm"."TermStart" <= {today} AND ("mm"."TermEnd" IS NULL OR "mm"."TermEnd" >= {today})))
            """;
        return nullable ? $"({column} IS NULL OR {notIn})" : notIn;
    }

    /// <summary>
    /// What EF adds to a read of KPI returns joined to their KPIs (aliases m and i), in its order: the KPI's own
    /// predicates (itself, its contract, its internal SLA), then the return's (itself, its KPI, the KPI's contract and
    /// internal SLA). Parameters: `$viewer` and `$today`.
    /// </summary>
    public static readonly string MeasurementsWithIndicators = string.Join(" AND ",
        NotMarked("Indicator", "i.\"Id\""), NotMarked("Contract", "i.\"ContractId\"", nullable: true), NotMarked("InternalSla", "i.\"InternalSlaId\"", nullable: true),
        NotMarked("Measurement", "m.\"Id\""), NotMarked("Indicator", "m.\"IndicatorId\""),
        NotMarked("Contract", "i.\"ContractId\"", nullable: true), NotMarked("InternalSla", "i.\"InternalSlaId\"", nullable: true));

    /// <summary>The reading date of a baseline (`$today`), for the committee members' terms.</summary>
    public static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
