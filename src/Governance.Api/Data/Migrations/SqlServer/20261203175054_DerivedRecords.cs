using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Api.Data.Migrations.SqlServer
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
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubjectType",
                table: "Notifications",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            // Notifications written before this named their record only in the link: read it from there.
            migrationBuilder.Sql("UPDATE [Notifications] SET [SubjectType] = 'Escalation', [SubjectId] = TRY_CAST(SUBSTRING([Link], 20, CHARINDEX(')', [Link]) - 20) AS int) WHERE [SubjectType] IS NULL AND [Link] LIKE '/odata/Escalations(%)'");
            migrationBuilder.Sql("UPDATE [Notifications] SET [SubjectType] = 'Procurement', [SubjectId] = TRY_CAST(SUBSTRING([Link], 21, CHARINDEX(')', [Link]) - 21) AS int) WHERE [SubjectType] IS NULL AND [Link] LIKE '/odata/Procurements(%)'");
            migrationBuilder.Sql("UPDATE [Notifications] SET [SubjectType] = 'Contract', [SubjectId] = TRY_CAST(SUBSTRING([Link], 18, CHARINDEX(')', [Link]) - 18) AS int) WHERE [SubjectType] IS NULL AND [Link] LIKE '/odata/Contracts(%)'");
            migrationBuilder.Sql("UPDATE [Notifications] SET [SubjectType] = 'AgendaItem', [SubjectId] = TRY_CAST(SUBSTRING([Link], 20, CHARINDEX(')', [Link]) - 20) AS int) WHERE [SubjectType] IS NULL AND [Link] LIKE '/odata/AgendaItems(%)'");
            migrationBuilder.Sql("UPDATE [Notifications] SET [SubjectType] = 'ScrutinyQuestion', [SubjectId] = TRY_CAST(SUBSTRING([Link], 26, CHARINDEX(')', [Link]) - 26) AS int) WHERE [SubjectType] IS NULL AND [Link] LIKE '/odata/ScrutinyQuestions(%)'");
            migrationBuilder.Sql("UPDATE [Notifications] SET [SubjectType] = 'Consultation', [SubjectId] = TRY_CAST(SUBSTRING([Link], 22, CHARINDEX(')', [Link]) - 22) AS int) WHERE [SubjectType] IS NULL AND [Link] LIKE '/odata/Consultations(%)'");

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
