using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Search;

/// <summary>A row of SQLite's full-text index: its row id (<c>Id * 16 + slot</c> of the record) and the record's searchable text.</summary>
public sealed class SearchIndexRow
{
    public long RowId { get; set; }

    public string Text { get; set; } = "";
}

/// <summary>
/// The full-text index of each provider. SQLite: one FTS5 table, <c>SearchIndex</c> (Porter stemming, Unicode
/// folding, diacritics removed), kept by triggers on the searchable tables (migration <c>FullTextSearch</c>) and asked
/// through FTS5's table-valued form, <c>SearchIndex('query')</c>. PostgreSQL: a GIN index per table on
/// <c>to_tsvector('english', ...)</c> of the same fields, asked with <c>@@ phraseto_tsquery('english', term)</c>.
/// SQL Server: a case-insensitive substring search (<c>LIKE</c>), without an index: its full-text engine needs a
/// catalogue that a council's database administrator would have to set up.
/// </summary>
public static class SearchIndex
{
    public const string Table = "SearchIndex";
    public const string Configuration = "english";

    /// <summary>The rows of SQLite's index that match an FTS5 query (translated as <c>"SearchIndex"(@query)</c>; never run in memory).</summary>
    public static IQueryable<SearchIndexRow> Matching(string query) => throw new NotSupportedException("SearchIndex.Matching runs only inside a query on SQLite.");

    /// <summary>Maps the index for SQLite's model only: the other providers search their tables themselves.</summary>
    internal static void Configure(ModelBuilder builder, DbContext context)
    {
        if (!context.Database.IsSqlite())
            return;
        builder.Entity<SearchIndexRow>(row =>
        {
            row.HasNoKey().ToTable((string?)null);
            row.Property(r => r.RowId).HasColumnName("rowid");
        });
        builder.HasDbFunction(typeof(SearchIndex).GetMethod(nameof(Matching))!).HasName(Table);
    }

    /// <summary>An FTS5 query for one term or phrase: quoted, so FTS5 reads it as words and nothing in it as syntax.</summary>
    public static string Phrase(string text) => $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
