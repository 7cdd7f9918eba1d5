using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TenderChangeRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Scores_BidderId",
                table: "Scores");

            migrationBuilder.DropIndex(
                name: "IX_ModeratedScores_BidderId_CriterionId",
                table: "ModeratedScores");

            migrationBuilder.AddColumn<int>(
                name: "ChangeRequestId",
                table: "Submissions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "TenderChangeRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProcurementId = table.Column<int>(type: "INTEGER", nullable: false),
                    BidderId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    Request = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    SubmissionId = table.Column<int>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TenderChangeRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TenderChangeRequests_Bidders_BidderId",
                        column: x => x.BidderId,
                        principalTable: "Bidders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TenderChangeRequests_Procurements_ProcurementId",
                        column: x => x.ProcurementId,
                        principalTable: "Procurements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TenderChangeRequests_Submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "Submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Scores_BidderId_CriterionId_Evaluator_Version",
                table: "Scores",
                columns: new[] { "BidderId", "CriterionId", "Evaluator", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ModeratedScores_BidderId_CriterionId_Version",
                table: "ModeratedScores",
                columns: new[] { "BidderId", "CriterionId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TenderChangeRequests_BidderId",
                table: "TenderChangeRequests",
                column: "BidderId");

            migrationBuilder.CreateIndex(
                name: "IX_TenderChangeRequests_ProcurementId",
                table: "TenderChangeRequests",
                column: "ProcurementId");

            migrationBuilder.CreateIndex(
                name: "IX_TenderChangeRequests_SubmissionId",
                table: "TenderChangeRequests",
                column: "SubmissionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TenderChangeRequests");

            migrationBuilder.DropIndex(
                name: "IX_Scores_BidderId_CriterionId_Evaluator_Version",
                table: "Scores");

            migrationBuilder.DropIndex(
                name: "IX_ModeratedScores_BidderId_CriterionId_Version",
                table: "ModeratedScores");

            migrationBuilder.DropColumn(
                name: "ChangeRequestId",
                table: "Submissions");

            migrationBuilder.CreateIndex(
                name: "IX_Scores_BidderId",
                table: "Scores",
                column: "BidderId");

            migrationBuilder.CreateIndex(
                name: "IX_ModeratedScores_BidderId_CriterionId",
                table: "ModeratedScores",
                columns: new[] { "BidderId", "CriterionId" },
                unique: true);
        }
    }
}
