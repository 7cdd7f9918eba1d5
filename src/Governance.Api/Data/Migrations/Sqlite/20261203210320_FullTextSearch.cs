using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // One FTS5 table for every searchable set; row id = record id * 16 + the set's slot (Features/Search/Searchable.cs).
            migrationBuilder.Sql(@"CREATE VIRTUAL TABLE ""SearchIndex"" USING fts5(""Text"", tokenize = 'porter unicode61 remove_diacritics 2');");
            migrationBuilder.Sql(@"INSERT INTO ""SearchIndex""(rowid, ""Text"") SELECT ""Id"" * 16 + 0, coalesce(""Reference"", '') || ' ' || coalesce(""Title"", '') || ' ' || coalesce(""Description"", '') FROM ""Contracts"";");
            migrationBuilder.Sql(@"CREATE TRIGGER ""Contracts_SearchIndex_Insert"" AFTER INSERT ON ""Contracts"" BEGIN INSERT INTO ""SearchIndex""(rowid, ""Text"") VALUES (new.""Id"" * 16 + 0, coalesce(new.""Reference"", '') || ' ' || coalesce(new.""Title"", '') || ' ' || coalesce(new.""Description"", '')); END;");
            migrationBuilder.Sql(@"CREATE TRIGGER ""Contracts_SearchIndex_Update"" AFTER UPDATE ON ""Contracts"" BEGIN DELETE FROM ""SearchIndex"" WHERE rowid = old.""Id"" * 16 + 0; INSERT INTO ""SearchIndex""(rowid, ""Text"") VALUES (new.""Id"" * 16 + 0, coalesce(new.""Reference"", '') || ' ' || coalesce(new.""Title"", '') || ' ' || coalesce(new.""Description"", '')); END;");
            migrationBuilder.Sql(@"CREATE TRIGGER ""Contracts_SearchIndex_Delete"" AFTER DELETE ON ""Contracts"" BEGIN DELETE FROM ""SearchIndex"" WHERE rowid = old.""Id"" * 16 + 0; END;");
            migrationBuilder.Sql(@"INSERT INTO ""SearchIndex""(rowid, ""Text"") SELECT ""Id"" * 16 + 1, coalesce(""Reference"", '') || ' ' || coalesce(""Title"", '') || ' ' || coalesce(""Description"", '') FROM ""Procurements"";");
            migrationBuilder.Sql(@"CREATE TRIGGER ""Procurements_SearchIndex_Insert"" AFTER INSERT ON ""Procurements"" BEGIN INSERT INTO ""SearchIndex""(rowid, ""Text"") VALUES (new.""Id"" * 16 + 1, coalesce(new.""Reference"", '') || ' ' || coalesce(new.""Title"", '') || ' ' || coalesce(new.""Description"", '')); END;");
            migrationBuilder.Sql(@"CREATE TRIGGER ""Procurements_SearchIndex_Update"" AFTER UPDATE ON ""Procurements"" BEGIN DELETE FROM ""SearchIndex"" WHERE rowid = old.""Id"" * 16 + 1; INSERT INTO ""SearchIndex""(rowid, ""Text"") VALUES (new.""Id"" * 16 + 1, coalesce(new.""Reference"", '') || ' ' || coalesce(new.""Title"", '') || ' ' || coalesce(new.""Description"", '')); END;");
            migrationBuilder.Sql(@"CREATE TRIGGER ""Procurements_SearchIndex_Delete"" AFTER DELETE ON ""Procurements"" BEGIN DELETE FROM ""SearchIndex"" WHERE rowid = old.""Id"" * 16 + 1; END;");
            migrationBuilder.Sql(@"INSERT INTO ""SearchIndex""(rowid, ""Text"") SELECT ""Id"" * 16 + 2, coalesce(""Name"", '') FROM ""Suppliers"";");
            migrationBuilder.Sql(@"CREATE TRIGGER ""Suppliers_SearchIndex_Insert"" AFTER INSERT ON ""Suppliers"" BEGIN INSERT INTO ""SearchIndex""(rowid, ""Text"") VALUES (new.""Id"" * 16 + 2, coalesce(new.""Name"", '')); END;");
            migrationBuilder.Sql(@"CREATE TRIGGER ""Suppliers_SearchIndex_Update"" AFTER UPDATE ON ""Suppliers"" BEGIN DELETE FROM ""SearchIndex"" WHERE rowid = old.""Id"" * 16 + 2; INSERT INTO ""SearchIndex""(rowid, ""Text"") VALUES (new.""Id"" * 16 + 2, coalesce(new.""Name"", '')); END;");
            migrationBuilder.Sql(@"CREATE TRIGGER ""Suppliers_SearchIndex_Delete"" AFTER DELETE ON ""Suppliers"" BEGIN DELETE FROM ""SearchIndex"" WHERE rowid = old.""Id"" * 16 + 2; END;");
            migrationBuilder.Sql(@"INSERT INTO ""SearchIndex""(rowid, ""Text"") SELECT ""Id"" * 16 + 3, coalesce(""Code"", '') || ' ' || coalesce(""Name"", '') FROM ""Departments"";");
            migrationBuilder.Sql(@"CREATE TRIGGER ""Departments_SearchIndex_Insert"" AFTER INSERT ON ""Departments"" BEGIN INSERT INTO ""SearchIndex""(rowid, ""Text"") VALUES (new.""Id"" * 16 + 3, coalesce(new.""Code"", '') || ' ' || coalesce(new.""Name"", '')); END;");
            migrationBuilder.Sql(@"CREATE TRIGGER ""Departments_SearchIndex_Update"" AFTER UPDATE ON ""Departments"" BEGIN DELETE FROM ""SearchIndex"" WHERE rowid = old.""Id"" * 16 + 3; INSERT INTO ""SearchIndex""(rowid, ""Text"") VALUES (new.""Id"" * 16 + 3, coalesce(new.""Code"", '') || ' ' || coalesce(new.""Name"", '')); END;");
            migrationBuilder.Sql(@"CREATE TRIGGER ""Departments_SearchIndex_Delete"" AFTER DELETE ON ""Departments"" BEGIN DELETE FROM ""SearchIndex"" WHERE rowid = old.""Id"" * 16 + 3; END;");
            migrationBuilder.Sql(@"INSERT INTO ""SearchIndex""(rowid, ""Text"") SELECT ""Id"" * 16 + 4, coalesce(""Code"", '') || ' ' || coalesce(""Name"", '') FROM ""Indicators"";");
            migrationBuilder.Sql(@"CREATE TRIGGER ""Indicators_SearchIndex_Insert"" AFTER INSERT ON ""Indicators"" BEGIN INSERT INTO ""SearchIndex""(rowid, ""Text"") VALUES (new.""Id"" * 16 + 4, coalesce(new.""Code"", '') || ' ' || coalesce(new.""Name"", '')); END;");
            migrationBuilder.Sql(@"CREATE TRIGGER ""Indicators_SearchIndex_Update"" AFTER UPDATE ON ""Indicators"" BEGIN DELETE FROM ""SearchIndex"" WHERE rowid = old.""Id"" * 16 + 4; INSERT INTO ""SearchIndex""(rowid, ""Text"") VALUES (new.""Id"" * 16 + 4, coalesce(new.""Code"", '') || ' ' || coalesce(new.""Name"", '')); END;");
            migrationBuilder.Sql(@"CREATE TRIGGER ""Indicators_SearchIndex_Delete"" AFTER DELETE ON ""Indicators"" BEGIN DELETE FROM ""SearchIndex"" WHERE rowid = old.""Id"" * 16 + 4; END;");
            migrationBuilder.Sql(@"INSERT INTO ""SearchIndex""(rowid, ""Text"") SELECT ""Id"" * 16 + 5, coalesce(""Title"", '') FROM ""InternalSlas"";");
            migrationBuilder.Sql(@"CREATE TRIGGER ""InternalSlas_SearchIndex_Insert"" AFTER INSERT ON ""InternalSlas"" BEGIN INSERT INTO ""SearchIndex""(rowid, ""Text"") VALUES (new.""Id"" * 16 + 5, coalesce(new.""Title"", '')); END;");
            migrationBuilder.Sql(@"CREATE TRIGGER ""InternalSlas_SearchIndex_Update"" AFTER UPDATE ON ""InternalSlas"" BEGIN DELETE FROM ""SearchIndex"" WHERE rowid = old.""Id"" * 16 + 5; INSERT INTO ""SearchIndex""(rowid, ""Text"") VALUES (new.""Id"" * 16 + 5, coalesce(new.""Title"", '')); END;");
            migrationBuilder.Sql(@"CREATE TRIGGER ""InternalSlas_SearchIndex_Delete"" AFTER DELETE ON ""InternalSlas"" BEGIN DELETE FROM ""SearchIndex"" WHERE rowid = old.""Id"" * 16 + 5; END;");
            migrationBuilder.Sql(@"INSERT INTO ""SearchIndex""(rowid, ""Text"") SELECT ""Id"" * 16 + 6, coalesce(""Summary"", '') FROM ""Escalations"";");
            migrationBuilder.Sql(@"CREATE TRIGGER ""Escalations_SearchIndex_Insert"" AFTER INSERT ON ""Escalations"" BEGIN INSERT INTO ""SearchIndex""(rowid, ""Text"") VALUES (new.""Id"" * 16 + 6, coalesce(new.""Summary"", '')); END;");
            migrationBuilder.Sql(@"CREATE TRIGGER ""Escalations_SearchIndex_Update"" AFTER UPDATE ON ""Escalations"" BEGIN DELETE FROM ""SearchIndex"" WHERE rowid = old.""Id"" * 16 + 6; INSERT INTO ""SearchIndex""(rowid, ""Text"") VALUES (new.""Id"" * 16 + 6, coalesce(new.""Summary"", '')); END;");
            migrationBuilder.Sql(@"CREATE TRIGGER ""Escalations_SearchIndex_Delete"" AFTER DELETE ON ""Escalations"" BEGIN DELETE FROM ""SearchIndex"" WHERE rowid = old.""Id"" * 16 + 6; END;");
            migrationBuilder.Sql(@"INSERT INTO ""SearchIndex""(rowid, ""Text"") SELECT ""Id"" * 16 + 7, coalesce(""Title"", '') || ' ' || coalesce(""Recommendations"", '') FROM ""AgendaItems"";");
            migrationBuilder.Sql(@"CREATE TRIGGER ""AgendaItems_SearchIndex_Insert"" AFTER INSERT ON ""AgendaItems"" BEGIN INSERT INTO ""SearchIndex""(rowid, ""Text"") VALUES (new.""Id"" * 16 + 7, coalesce(new.""Title"", '') || ' ' || coalesce(new.""Recommendations"", '')); END;");
            migrationBuilder.Sql(@"CREATE TRIGGER ""AgendaItems_SearchIndex_Update"" AFTER UPDATE ON ""AgendaItems"" BEGIN DELETE FROM ""SearchIndex"" WHERE rowid = old.""Id"" * 16 + 7; INSERT INTO ""SearchIndex""(rowid, ""Text"") VALUES (new.""Id"" * 16 + 7, coalesce(new.""Title"", '') || ' ' || coalesce(new.""Recommendations"", '')); END;");
            migrationBuilder.Sql(@"CREATE TRIGGER ""AgendaItems_SearchIndex_Delete"" AFTER DELETE ON ""AgendaItems"" BEGIN DELETE FROM ""SearchIndex"" WHERE rowid = old.""Id"" * 16 + 7; END;");
            migrationBuilder.Sql(@"INSERT INTO ""SearchIndex""(rowid, ""Text"") SELECT ""Id"" * 16 + 8, coalesce(""Subheading"", '') || ' ' || coalesce(""Body"", '') FROM ""PaperSections"";");
            migrationBuilder.Sql(@"CREATE TRIGGER ""PaperSections_SearchIndex_Insert"" AFTER INSERT ON ""PaperSections"" BEGIN INSERT INTO ""SearchIndex""(rowid, ""Text"") VALUES (new.""Id"" * 16 + 8, coalesce(new.""Subheading"", '') || ' ' || coalesce(new.""Body"", '')); END;");
            migrationBuilder.Sql(@"CREATE TRIGGER ""PaperSections_SearchIndex_Update"" AFTER UPDATE ON ""PaperSections"" BEGIN DELETE FROM ""SearchIndex"" WHERE rowid = old.""Id"" * 16 + 8; INSERT INTO ""SearchIndex""(rowid, ""Text"") VALUES (new.""Id"" * 16 + 8, coalesce(new.""Subheading"", '') || ' ' || coalesce(new.""Body"", '')); END;");
            migrationBuilder.Sql(@"CREATE TRIGGER ""PaperSections_SearchIndex_Delete"" AFTER DELETE ON ""PaperSections"" BEGIN DELETE FROM ""SearchIndex"" WHERE rowid = old.""Id"" * 16 + 8; END;");
            migrationBuilder.Sql(@"INSERT INTO ""SearchIndex""(rowid, ""Text"") SELECT ""Id"" * 16 + 9, coalesce(""Outcome"", '') FROM ""Decisions"";");
            migrationBuilder.Sql(@"CREATE TRIGGER ""Decisions_SearchIndex_Insert"" AFTER INSERT ON ""Decisions"" BEGIN INSERT INTO ""SearchIndex""(rowid, ""Text"") VALUES (new.""Id"" * 16 + 9, coalesce(new.""Outcome"", '')); END;");
            migrationBuilder.Sql(@"CREATE TRIGGER ""Decisions_SearchIndex_Update"" AFTER UPDATE ON ""Decisions"" BEGIN DELETE FROM ""SearchIndex"" WHERE rowid = old.""Id"" * 16 + 9; INSERT INTO ""SearchIndex""(rowid, ""Text"") VALUES (new.""Id"" * 16 + 9, coalesce(new.""Outcome"", '')); END;");
            migrationBuilder.Sql(@"CREATE TRIGGER ""Decisions_SearchIndex_Delete"" AFTER DELETE ON ""Decisions"" BEGIN DELETE FROM ""SearchIndex"" WHERE rowid = old.""Id"" * 16 + 9; END;");
            migrationBuilder.Sql(@"INSERT INTO ""SearchIndex""(rowid, ""Text"") SELECT ""Id"" * 16 + 10, coalesce(""Title"", '') FROM ""ForwardPlanEntries"";");
            migrationBuilder.Sql(@"CREATE TRIGGER ""ForwardPlanEntries_SearchIndex_Insert"" AFTER INSERT ON ""ForwardPlanEntries"" BEGIN INSERT INTO ""SearchIndex""(rowid, ""Text"") VALUES (new.""Id"" * 16 + 10, coalesce(new.""Title"", '')); END;");
            migrationBuilder.Sql(@"CREATE TRIGGER ""ForwardPlanEntries_SearchIndex_Update"" AFTER UPDATE ON ""ForwardPlanEntries"" BEGIN DELETE FROM ""SearchIndex"" WHERE rowid = old.""Id"" * 16 + 10; INSERT INTO ""SearchIndex""(rowid, ""Text"") VALUES (new.""Id"" * 16 + 10, coalesce(new.""Title"", '')); END;");
            migrationBuilder.Sql(@"CREATE TRIGGER ""ForwardPlanEntries_SearchIndex_Delete"" AFTER DELETE ON ""ForwardPlanEntries"" BEGIN DELETE FROM ""SearchIndex"" WHERE rowid = old.""Id"" * 16 + 10; END;");
            migrationBuilder.Sql(@"INSERT INTO ""SearchIndex""(rowid, ""Text"") SELECT ""Id"" * 16 + 11, coalesce(""Question"", '') || ' ' || coalesce(""Answer"", '') FROM ""ScrutinyQuestions"";");
            migrationBuilder.Sql(@"CREATE TRIGGER ""ScrutinyQuestions_SearchIndex_Insert"" AFTER INSERT ON ""ScrutinyQuestions"" BEGIN INSERT INTO ""SearchIndex""(rowid, ""Text"") VALUES (new.""Id"" * 16 + 11, coalesce(new.""Question"", '') || ' ' || coalesce(new.""Answer"", '')); END;");
            migrationBuilder.Sql(@"CREATE TRIGGER ""ScrutinyQuestions_SearchIndex_Update"" AFTER UPDATE ON ""ScrutinyQuestions"" BEGIN DELETE FROM ""SearchIndex"" WHERE rowid = old.""Id"" * 16 + 11; INSERT INTO ""SearchIndex""(rowid, ""Text"") VALUES (new.""Id"" * 16 + 11, coalesce(new.""Question"", '') || ' ' || coalesce(new.""Answer"", '')); END;");
            migrationBuilder.Sql(@"CREATE TRIGGER ""ScrutinyQuestions_SearchIndex_Delete"" AFTER DELETE ON ""ScrutinyQuestions"" BEGIN DELETE FROM ""SearchIndex"" WHERE rowid = old.""Id"" * 16 + 11; END;");
            migrationBuilder.Sql(@"INSERT INTO ""SearchIndex""(rowid, ""Text"") SELECT ""Id"" * 16 + 12, coalesce(""Topic"", '') || ' ' || coalesce(""Response"", '') FROM ""Consultations"";");
            migrationBuilder.Sql(@"CREATE TRIGGER ""Consultations_SearchIndex_Insert"" AFTER INSERT ON ""Consultations"" BEGIN INSERT INTO ""SearchIndex""(rowid, ""Text"") VALUES (new.""Id"" * 16 + 12, coalesce(new.""Topic"", '') || ' ' || coalesce(new.""Response"", '')); END;");
            migrationBuilder.Sql(@"CREATE TRIGGER ""Consultations_SearchIndex_Update"" AFTER UPDATE ON ""Consultations"" BEGIN DELETE FROM ""SearchIndex"" WHERE rowid = old.""Id"" * 16 + 12; INSERT INTO ""SearchIndex""(rowid, ""Text"") VALUES (new.""Id"" * 16 + 12, coalesce(new.""Topic"", '') || ' ' || coalesce(new.""Response"", '')); END;");
            migrationBuilder.Sql(@"CREATE TRIGGER ""Consultations_SearchIndex_Delete"" AFTER DELETE ON ""Consultations"" BEGIN DELETE FROM ""SearchIndex"" WHERE rowid = old.""Id"" * 16 + 12; END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""Consultations_SearchIndex_Delete"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""Consultations_SearchIndex_Update"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""Consultations_SearchIndex_Insert"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""ScrutinyQuestions_SearchIndex_Delete"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""ScrutinyQuestions_SearchIndex_Update"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""ScrutinyQuestions_SearchIndex_Insert"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""ForwardPlanEntries_SearchIndex_Delete"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""ForwardPlanEntries_SearchIndex_Update"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""ForwardPlanEntries_SearchIndex_Insert"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""Decisions_SearchIndex_Delete"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""Decisions_SearchIndex_Update"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""Decisions_SearchIndex_Insert"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""PaperSections_SearchIndex_Delete"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""PaperSections_SearchIndex_Update"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""PaperSections_SearchIndex_Insert"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""AgendaItems_SearchIndex_Delete"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""AgendaItems_SearchIndex_Update"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""AgendaItems_SearchIndex_Insert"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""Escalations_SearchIndex_Delete"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""Escalations_SearchIndex_Update"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""Escalations_SearchIndex_Insert"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""InternalSlas_SearchIndex_Delete"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""InternalSlas_SearchIndex_Update"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""InternalSlas_SearchIndex_Insert"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""Indicators_SearchIndex_Delete"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""Indicators_SearchIndex_Update"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""Indicators_SearchIndex_Insert"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""Departments_SearchIndex_Delete"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""Departments_SearchIndex_Update"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""Departments_SearchIndex_Insert"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""Suppliers_SearchIndex_Delete"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""Suppliers_SearchIndex_Update"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""Suppliers_SearchIndex_Insert"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""Procurements_SearchIndex_Delete"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""Procurements_SearchIndex_Update"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""Procurements_SearchIndex_Insert"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""Contracts_SearchIndex_Delete"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""Contracts_SearchIndex_Update"";");
            migrationBuilder.Sql(@"DROP TRIGGER IF EXISTS ""Contracts_SearchIndex_Insert"";");
            migrationBuilder.Sql(@"DROP TABLE IF EXISTS ""SearchIndex"";");
        }
    }
}
