using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DerivedRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The assessments' and notices' foreign keys are in the model (the exemption filter reads them); SQLite could
            // add them only by rebuilding the tables outside a transaction, so on SQLite they are indexed, not enforced.
            migrationBuilder.AddColumn<int>(
                name: "SubjectId",
                table: "Notifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubjectType",
                table: "Notifications",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            // Notifications written before this named their record only in the link: read it from there.
            migrationBuilder.Sql("UPDATE \"Notifications\" SET \"SubjectType\" = 'Escalation', \"SubjectId\" = CAST(substr(\"Link\", 20, instr(\"Link\", ')') - 20) AS INTEGER) WHERE \"SubjectType\" IS NULL AND \"Link\" LIKE '/odata/Escalations(%)'");
            migrationBuilder.Sql("UPDATE \"Notifications\" SET \"SubjectType\" = 'Procurement', \"SubjectId\" = CAST(substr(\"Link\", 21, instr(\"Link\", ')') - 21) AS INTEGER) WHERE \"SubjectType\" IS NULL AND \"Link\" LIKE '/odata/Procurements(%)'");
            migrationBuilder.Sql("UPDATE \"Notifications\" SET \"SubjectType\" = 'Contract', \"SubjectId\" = CAST(substr(\"Link\", 18, instr(\"Link\", ')') - 18) AS INTEGER) WHERE \"SubjectType\" IS NULL AND \"Link\" LIKE '/odata/Contracts(%)'");
            migrationBuilder.Sql("UPDATE \"Notifications\" SET \"SubjectType\" = 'AgendaItem', \"SubjectId\" = CAST(substr(\"Link\", 20, instr(\"Link\", ')') - 20) AS INTEGER) WHERE \"SubjectType\" IS NULL AND \"Link\" LIKE '/odata/AgendaItems(%)'");
            migrationBuilder.Sql("UPDATE \"Notifications\" SET \"SubjectType\" = 'ScrutinyQuestion', \"SubjectId\" = CAST(substr(\"Link\", 26, instr(\"Link\", ')') - 26) AS INTEGER) WHERE \"SubjectType\" IS NULL AND \"Link\" LIKE '/odata/ScrutinyQuestions(%)'");
            migrationBuilder.Sql("UPDATE \"Notifications\" SET \"SubjectType\" = 'Consultation', \"SubjectId\" = CAST(substr(\"Link\", 22, instr(\"Link\", ')') - 22) AS INTEGER) WHERE \"SubjectType\" IS NULL AND \"Link\" LIKE '/odata/Consultations(%)'");

            migrationBuilder.CreateIndex(
                name: "IX_PerformanceNotices_ContractId",
                table: "PerformanceNotices",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_PerformanceNotices_EscalationId",
                table: "PerformanceNotices",
                column: "EscalationId");

            migrationBuilder.CreateIndex(
                name: "IX_PerformanceAssessments_ContractId",
                table: "PerformanceAssessments",
                column: "ContractId");



        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {



            migrationBuilder.DropIndex(
                name: "IX_PerformanceNotices_ContractId",
                table: "PerformanceNotices");

            migrationBuilder.DropIndex(
                name: "IX_PerformanceNotices_EscalationId",
                table: "PerformanceNotices");

            migrationBuilder.DropIndex(
                name: "IX_PerformanceAssessments_ContractId",
                table: "PerformanceAssessments");

            migrationBuilder.DropColumn(
                name: "SubjectId",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "SubjectType",
                table: "Notifications");
        }
    }
}
