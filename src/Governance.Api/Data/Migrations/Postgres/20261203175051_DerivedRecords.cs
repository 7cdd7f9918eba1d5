using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DerivedRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SubjectId",
                table: "Notifications",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubjectType",
                table: "Notifications",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            // Notifications written before this named their record only in the link: read it from there.
            migrationBuilder.Sql("UPDATE \"Notifications\" SET \"SubjectType\" = 'Escalation', \"SubjectId\" = CAST(substring(\"Link\" from '^/odata/[A-Za-z]+\\(([0-9]+)\\)$') AS integer) WHERE \"SubjectType\" IS NULL AND \"Link\" ~ '^/odata/Escalations\\([0-9]+\\)$'");
            migrationBuilder.Sql("UPDATE \"Notifications\" SET \"SubjectType\" = 'Procurement', \"SubjectId\" = CAST(substring(\"Link\" from '^/odata/[A-Za-z]+\\(([0-9]+)\\)$') AS integer) WHERE \"SubjectType\" IS NULL AND \"Link\" ~ '^/odata/Procurements\\([0-9]+\\)$'");
            migrationBuilder.Sql("UPDATE \"Notifications\" SET \"SubjectType\" = 'Contract', \"SubjectId\" = CAST(substring(\"Link\" from '^/odata/[A-Za-z]+\\(([0-9]+)\\)$') AS integer) WHERE \"SubjectType\" IS NULL AND \"Link\" ~ '^/odata/Contracts\\([0-9]+\\)$'");
            migrationBuilder.Sql("UPDATE \"Notifications\" SET \"SubjectType\" = 'AgendaItem', \"SubjectId\" = CAST(substring(\"Link\" from '^/odata/[A-Za-z]+\\(([0-9]+)\\)$') AS integer) WHERE \"SubjectType\" IS NULL AND \"Link\" ~ '^/odata/AgendaItems\\([0-9]+\\)$'");
            migrationBuilder.Sql("UPDATE \"Notifications\" SET \"SubjectType\" = 'ScrutinyQuestion', \"SubjectId\" = CAST(substring(\"Link\" from '^/odata/[A-Za-z]+\\(([0-9]+)\\)$') AS integer) WHERE \"SubjectType\" IS NULL AND \"Link\" ~ '^/odata/ScrutinyQuestions\\([0-9]+\\)$'");
            migrationBuilder.Sql("UPDATE \"Notifications\" SET \"SubjectType\" = 'Consultation', \"SubjectId\" = CAST(substring(\"Link\" from '^/odata/[A-Za-z]+\\(([0-9]+)\\)$') AS integer) WHERE \"SubjectType\" IS NULL AND \"Link\" ~ '^/odata/Consultations\\([0-9]+\\)$'");

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

            migrationBuilder.AddForeignKey(
                name: "FK_PerformanceAssessments_Contracts_ContractId",
                table: "PerformanceAssessments",
                column: "ContractId",
                principalTable: "Contracts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_PerformanceNotices_Contracts_ContractId",
                table: "PerformanceNotices",
                column: "ContractId",
                principalTable: "Contracts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_PerformanceNotices_Escalations_EscalationId",
                table: "PerformanceNotices",
                column: "EscalationId",
                principalTable: "Escalations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PerformanceAssessments_Contracts_ContractId",
                table: "PerformanceAssessments");

            migrationBuilder.DropForeignKey(
                name: "FK_PerformanceNotices_Contracts_ContractId",
                table: "PerformanceNotices");

            migrationBuilder.DropForeignKey(
                name: "FK_PerformanceNotices_Escalations_EscalationId",
                table: "PerformanceNotices");

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
