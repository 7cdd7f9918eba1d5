using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text indexes on the expression $search asks, written as EF writes it (OData/SearchBinder.cs: a
            // nullable column is coalesced, a required one is not), so that the planner can use them.
            migrationBuilder.Sql(@"CREATE INDEX ""IX_Contracts_FullText"" ON ""Contracts"" USING GIN (to_tsvector('english', ""Reference"" || ' ' || ""Title"" || ' ' || COALESCE(""Description"", '')));");
            migrationBuilder.Sql(@"CREATE INDEX ""IX_Procurements_FullText"" ON ""Procurements"" USING GIN (to_tsvector('english', ""Reference"" || ' ' || ""Title"" || ' ' || COALESCE(""Description"", '')));");
            migrationBuilder.Sql(@"CREATE INDEX ""IX_Suppliers_FullText"" ON ""Suppliers"" USING GIN (to_tsvector('english', ""Name""));");
            migrationBuilder.Sql(@"CREATE INDEX ""IX_Departments_FullText"" ON ""Departments"" USING GIN (to_tsvector('english', ""Code"" || ' ' || ""Name""));");
            migrationBuilder.Sql(@"CREATE INDEX ""IX_Indicators_FullText"" ON ""Indicators"" USING GIN (to_tsvector('english', ""Code"" || ' ' || ""Name""));");
            migrationBuilder.Sql(@"CREATE INDEX ""IX_InternalSlas_FullText"" ON ""InternalSlas"" USING GIN (to_tsvector('english', ""Title""));");
            migrationBuilder.Sql(@"CREATE INDEX ""IX_Escalations_FullText"" ON ""Escalations"" USING GIN (to_tsvector('english', COALESCE(""Summary"", '')));");
            migrationBuilder.Sql(@"CREATE INDEX ""IX_AgendaItems_FullText"" ON ""AgendaItems"" USING GIN (to_tsvector('english', ""Title"" || ' ' || COALESCE(""Recommendations"", '')));");
            migrationBuilder.Sql(@"CREATE INDEX ""IX_PaperSections_FullText"" ON ""PaperSections"" USING GIN (to_tsvector('english', COALESCE(""Subheading"", '') || ' ' || ""Body""));");
            migrationBuilder.Sql(@"CREATE INDEX ""IX_Decisions_FullText"" ON ""Decisions"" USING GIN (to_tsvector('english', ""Outcome""));");
            migrationBuilder.Sql(@"CREATE INDEX ""IX_ForwardPlanEntries_FullText"" ON ""ForwardPlanEntries"" USING GIN (to_tsvector('english', ""Title""));");
            migrationBuilder.Sql(@"CREATE INDEX ""IX_ScrutinyQuestions_FullText"" ON ""ScrutinyQuestions"" USING GIN (to_tsvector('english', ""Question"" || ' ' || COALESCE(""Answer"", '')));");
            migrationBuilder.Sql(@"CREATE INDEX ""IX_Consultations_FullText"" ON ""Consultations"" USING GIN (to_tsvector('english', ""Topic"" || ' ' || COALESCE(""Response"", '')));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"DROP INDEX IF EXISTS ""IX_Contracts_FullText"";");
            migrationBuilder.Sql(@"DROP INDEX IF EXISTS ""IX_Procurements_FullText"";");
            migrationBuilder.Sql(@"DROP INDEX IF EXISTS ""IX_Suppliers_FullText"";");
            migrationBuilder.Sql(@"DROP INDEX IF EXISTS ""IX_Departments_FullText"";");
            migrationBuilder.Sql(@"DROP INDEX IF EXISTS ""IX_Indicators_FullText"";");
            migrationBuilder.Sql(@"DROP INDEX IF EXISTS ""IX_InternalSlas_FullText"";");
            migrationBuilder.Sql(@"DROP INDEX IF EXISTS ""IX_Escalations_FullText"";");
            migrationBuilder.Sql(@"DROP INDEX IF EXISTS ""IX_AgendaItems_FullText"";");
            migrationBuilder.Sql(@"DROP INDEX IF EXISTS ""IX_PaperSections_FullText"";");
            migrationBuilder.Sql(@"DROP INDEX IF EXISTS ""IX_Decisions_FullText"";");
            migrationBuilder.Sql(@"DROP INDEX IF EXISTS ""IX_ForwardPlanEntries_FullText"";");
            migrationBuilder.Sql(@"DROP INDEX IF EXISTS ""IX_ScrutinyQuestions_FullText"";");
            migrationBuilder.Sql(@"DROP INDEX IF EXISTS ""IX_Consultations_FullText"";");
        }
    }
}
